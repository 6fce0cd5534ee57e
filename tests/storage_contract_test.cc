// The storage contract: behaviour every implementation of ports/store.h must have. Runs against
// each backend through StoreFactory (SQLite today; PostgreSQL joins the list when it exists).
#include <gtest/gtest.h>

#include <functional>

#include "storage/sqlite/sqlite_store.h"
#include "test_support.h"

namespace xuncha {
namespace {

struct Backend {
  const char* name;
  std::function<std::unique_ptr<Store>(const std::string& dir)> open;
};

const std::vector<Backend>& Backends() {
  static const std::vector<Backend> kBackends = {
      {"sqlite",
       [](const std::string& dir) -> std::unique_ptr<Store> {
         auto s = sqlite::SqliteStore::Open(dir + "/contract.db", true);
         if (!s.ok()) throw std::runtime_error(s.error().message);
         return std::move(s).value();
       }},
  };
  return kBackends;
}

class StoreContract : public ::testing::TestWithParam<std::size_t> {
 protected:
  void SetUp() override { store_ = Backends()[GetParam()].open(dir_.path()); }

  std::unique_ptr<Transaction> Write() { return std::move(store_->Begin(TxMode::kWrite)).value(); }
  std::unique_ptr<Transaction> Read() { return std::move(store_->Begin(TxMode::kRead)).value(); }

  TermId AddTerm() {
    auto tx = Write();
    Term t;
    t.name = "五届市委";
    t.number = 5;
    t.start_date = *Date::Parse("2016-09-28");
    auto id = tx->InsertTerm(t);
    EXPECT_TRUE(id.ok());
    EXPECT_TRUE(tx->Commit().ok());
    return *id;
  }

  RoundId AddRound(TermId term, int number) {
    auto tx = Write();
    Round r;
    r.term_id = term;
    r.number = number;
    r.name = "第" + std::to_string(number) + "轮";
    r.start_date = *Date::Parse("2020-05-29");
    r.end_date = *Date::Parse("2020-12-31");
    auto id = tx->InsertRound(r);
    EXPECT_TRUE(id.ok()) << (id.ok() ? "" : id.error().message);
    EXPECT_TRUE(tx->Commit().ok());
    return *id;
  }

  testing::TempDir dir_;
  std::unique_ptr<Store> store_;
};

TEST_P(StoreContract, CommittedWritesAreVisibleAndUncommittedAreRolledBack) {
  TermId term = AddTerm();
  {
    auto tx = Write();
    Round r;
    r.term_id = term;
    r.number = 9;
    r.name = "never committed";
    r.start_date = r.end_date = *Date::Parse("2020-01-01");
    ASSERT_TRUE(tx->InsertRound(r).ok());
    // destroyed without Commit()
  }
  RoundId kept = AddRound(term, 8);
  auto tx = Read();
  Scope all;
  all.all = true;
  auto page = tx->ListRounds(all, {}, {1, 20});
  ASSERT_TRUE(page.ok());
  ASSERT_EQ(page->total, 1);
  EXPECT_EQ(page->items[0].round.id, kept);
  EXPECT_EQ(page->items[0].term_name, "五届市委");
}

TEST_P(StoreContract, StaleVersionIsAbortedAndChangesNothing) {
  RoundId id = AddRound(AddTerm(), 8);
  Round r = Read()->GetRound(id)->round;
  ASSERT_EQ(r.version, 1);
  {
    auto tx = Write();
    r.name = "first writer";
    ASSERT_TRUE(tx->UpdateRound(r).ok());
    ASSERT_TRUE(tx->Commit().ok());
  }
  {
    auto tx = Write();
    r.name = "second writer, stale";
    Status st = tx->UpdateRound(r);  // still version 1
    ASSERT_FALSE(st.ok());
    EXPECT_EQ(st.error().code, ErrorCode::kAborted);
  }
  auto now = Read()->GetRound(id);
  EXPECT_EQ(now->round.name, "first writer");
  EXPECT_EQ(now->round.version, 2);
}

TEST_P(StoreContract, MissingRecordsAreNotFound) {
  auto tx = Write();
  EXPECT_EQ(tx->GetRound(RoundId(42)).error().code, ErrorCode::kNotFound);
  EXPECT_EQ(tx->GetUnit(UnitId(42)).error().code, ErrorCode::kNotFound);
  Round r;
  r.id = RoundId(42);
  r.version = 1;
  r.term_id = TermId(1);
  EXPECT_EQ(tx->UpdateRound(r).error().code, ErrorCode::kNotFound);
  EXPECT_EQ(tx->DeleteLeader(LeaderId(42)).error().code, ErrorCode::kNotFound);
}

TEST_P(StoreContract, UniqueAndForeignKeysAreEnforced) {
  TermId term = AddTerm();
  AddRound(term, 8);
  auto tx = Write();
  Round dup;
  dup.term_id = term;
  dup.number = 8;
  dup.name = "dup";
  EXPECT_EQ(tx->InsertRound(dup).error().code, ErrorCode::kAlreadyExists);
  Round orphan = dup;
  orphan.term_id = TermId(999);
  orphan.number = 10;
  EXPECT_EQ(tx->InsertRound(orphan).error().code, ErrorCode::kFailedPrecondition);
}

TEST_P(StoreContract, ScopesFilterInsideTheQuery) {
  TermId term = AddTerm();
  RoundId r1 = AddRound(term, 1);
  RoundId r2 = AddRound(term, 2);
  auto tx = Read();
  Scope only_r2;
  only_r2.rounds = {r2};
  auto page = tx->ListRounds(only_r2, {}, {1, 20});
  ASSERT_EQ(page->total, 1);
  EXPECT_EQ(page->items[0].round.id, r2);
  Scope none;
  EXPECT_EQ(tx->ListRounds(none, {}, {1, 20})->total, 0);
  (void)r1;
}

TEST_P(StoreContract, GroupsKeepChannelsAndMembers) {
  RoundId round = AddRound(AddTerm(), 8);
  auto tx = Write();
  Inspector i;
  i.name = "陈国栋";
  i.history.push_back({"市委巡察办", std::nullopt, *Date::Parse("2015-07-01"), std::nullopt});
  InspectorId iid = *tx->InsertInspector(i);
  Group g;
  g.round_id = round;
  g.number = 1;
  g.name = "第一巡察组";
  g.suggestion_boxes = {"一楼大厅", "食堂入口"};
  g.intake_cutoff = Date::Parse("2020-07-24");
  GroupId gid = *tx->InsertGroup(g);
  ASSERT_TRUE(tx->UpsertGroupMember(gid, iid, MemberRole::kLeader).ok());
  ASSERT_TRUE(tx->Commit().ok());
  auto got = Read()->GetGroup(gid);
  ASSERT_TRUE(got.ok());
  EXPECT_EQ(got->suggestion_boxes, g.suggestion_boxes);
  EXPECT_EQ(got->intake_cutoff->ToString(), "2020-07-24");
  ASSERT_EQ(got->members.size(), 1u);
  EXPECT_EQ(got->members[0].name, "陈国栋");
  EXPECT_EQ(got->members[0].role, MemberRole::kLeader);
  auto inspector = Read()->GetInspector(iid);
  ASSERT_EQ(inspector->history.size(), 1u);
  EXPECT_FALSE(inspector->history[0].to.has_value());
}

TEST_P(StoreContract, ReadersSeeASnapshotWhileAWriterWorks) {
  TermId term = AddTerm();
  auto reader = Read();
  Scope all;
  all.all = true;
  EXPECT_EQ(reader->ListRounds(all, {}, {1, 20})->total, 0);
  AddRound(term, 1);  // commits while the reader is open
  EXPECT_EQ(reader->ListRounds(all, {}, {1, 20})->total, 0);
  EXPECT_EQ(Read()->ListRounds(all, {}, {1, 20})->total, 1);
}

INSTANTIATE_TEST_SUITE_P(Backends, StoreContract,
                         ::testing::Range<std::size_t>(0, Backends().size()),
                         [](const auto& p) { return std::string(Backends()[p.param].name); });

}  // namespace
}  // namespace xuncha
