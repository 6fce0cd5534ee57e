#include <gtest/gtest.h>

#include "storage/sqlite/db.h"
#include "storage/sqlite/migrations.h"
#include "storage/sqlite/sqlite_store.h"
#include "test_support.h"

namespace xuncha::sqlite {
namespace {

TEST(MigrationTest, EmbeddedMigrationsAreNumberedInOrderFromOne) {
  const auto& m = EmbeddedMigrations();
  ASSERT_FALSE(m.empty());
  for (std::size_t i = 0; i < m.size(); ++i) {
    EXPECT_EQ(m[i].number, static_cast<int>(i + 1)) << m[i].name;
    EXPECT_FALSE(m[i].sql.empty());
  }
}

TEST(MigrationTest, EmptyDatabaseGetsEveryMigrationOnceWithDurabilitySettings) {
  testing::TempDir dir;
  auto conn = Connection::Open(dir.File("m.db"), true);
  ASSERT_TRUE(conn.ok());
  auto applied = Migrate(**conn, EmbeddedMigrations());
  ASSERT_TRUE(applied.ok()) << applied.error().message;
  EXPECT_EQ(*applied, static_cast<int>(EmbeddedMigrations().size()));
  EXPECT_EQ(*SchemaVersion(**conn), EmbeddedMigrations().back().number);
  EXPECT_EQ(*Migrate(**conn, EmbeddedMigrations()), 0) << "second run applies nothing";

  auto pragma = [&](const char* sql) {
    auto st = (*conn)->Prepare(sql);
    EXPECT_TRUE(st.ok());
    EXPECT_TRUE(*(*st)->Step());
    std::string v = (*st)->Text(0);
    (*st)->Reset();
    return v;
  };
  EXPECT_EQ(pragma("PRAGMA journal_mode"), "wal");
  EXPECT_EQ(pragma("PRAGMA synchronous"), "2");  // FULL
  EXPECT_EQ(pragma("PRAGMA foreign_keys"), "1");
}

TEST(MigrationTest, RefusesADatabaseFromANewerRelease) {
  testing::TempDir dir;
  {
    auto conn = Connection::Open(dir.File("m.db"), true);
    ASSERT_TRUE((*conn)->Exec("PRAGMA user_version=9999").ok());
  }
  auto store = SqliteStore::Open(dir.File("m.db"), false);
  ASSERT_FALSE(store.ok());
  EXPECT_EQ(store.error().code, ErrorCode::kFailedPrecondition);
}

TEST(MigrationTest, AFailingMigrationRollsBackAndKeepsTheOldVersion) {
  testing::TempDir dir;
  auto conn = Connection::Open(dir.File("m.db"), true);
  std::vector<Migration> ms = EmbeddedMigrations();
  int last = ms.back().number;
  ms.push_back({last + 1, "broken", "CREATE TABLE half_done (x INTEGER); SELECT * FROM nowhere;"});
  auto r = Migrate(**conn, ms);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(*SchemaVersion(**conn), last);
  auto st = (*conn)->Prepare("SELECT count(*) FROM sqlite_master WHERE name='half_done'");
  ASSERT_TRUE(*(*st)->Step());
  EXPECT_EQ((*st)->Int(0), 0);
}

TEST(MigrationTest, UpgradesTheFirstReleaseSchemaKeepingData) {
  // The previous release's schema is migration 1; data written there must survive the rest.
  testing::TempDir dir;
  {
    auto conn = Connection::Open(dir.File("m.db"), true);
    std::vector<Migration> first = {EmbeddedMigrations().front()};
    ASSERT_TRUE(Migrate(**conn, first).ok());
    ASSERT_TRUE((*conn)
                    ->Exec("INSERT INTO terms (name, number, start_date) VALUES "
                           "('五届市委', 5, '2016-09-28')")
                    .ok());
  }
  auto store = SqliteStore::Open(dir.File("m.db"), false);
  ASSERT_TRUE(store.ok());
  auto tx = (*store)->Begin(TxMode::kRead);
  auto terms = (*tx)->ListTerms();
  ASSERT_EQ(terms->size(), 1u);
  EXPECT_EQ((*terms)[0].name, "五届市委");
}

}  // namespace
}  // namespace xuncha::sqlite
