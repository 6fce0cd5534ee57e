# Writes OUT: a C++ file defining xuncha::sqlite::EmbeddedMigrations() from FILES (sorted
# NNNN_name.sql). Run by the build; see src/CMakeLists.txt.
set(body "")
foreach(f ${FILES})
  get_filename_component(name ${f} NAME_WE)
  string(REGEX MATCH "^[0-9]+" number ${name})
  math(EXPR number "${number}")
  file(READ ${f} sql)
  string(APPEND body "      {${number}, \"${name}\", R\"xuncha_sql(${sql})xuncha_sql\"},\n")
endforeach()
file(WRITE ${OUT}.tmp "// Generated from db/migrations by cmake/EmbedMigrations.cmake. Do not edit.
#include \"storage/sqlite/migrations.h\"

namespace xuncha::sqlite {

const std::vector<Migration>& EmbeddedMigrations() {
  static const std::vector<Migration> kMigrations = {
${body}  };
  return kMigrations;
}

}  // namespace xuncha::sqlite
")
file(COPY_FILE ${OUT}.tmp ${OUT} ONLY_IF_DIFFERENT)
