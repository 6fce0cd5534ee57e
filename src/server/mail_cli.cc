#include "server/mail_cli.h"

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <vector>

namespace xuncha {
namespace fs = std::filesystem;

Result<GroupId> ResolveGroup(Store& store, const std::string& group) {
  if (!group.empty() &&
      std::all_of(group.begin(), group.end(), [](char c) { return c >= '0' && c <= '9'; })) {
    GroupId id(std::stoll(group.substr(0, 18)));
    XUNCHA_ASSIGN_OR_RETURN(auto tx, store.Begin(TxMode::kRead));
    XUNCHA_ASSIGN_OR_RETURN(Group g, tx->GetGroup(id));
    return g.id;
  }
  XUNCHA_ASSIGN_OR_RETURN(auto tx, store.Begin(TxMode::kRead));
  Scope all;
  all.all = true;
  XUNCHA_ASSIGN_OR_RETURN(auto groups, tx->ListGroups(all, std::nullopt));
  std::vector<GroupId> found;
  for (const auto& g : groups) {
    if (g.name == group) found.push_back(g.id);
  }
  if (found.size() == 1) return found.front();
  if (found.empty()) return NotFound("group");
  return InvalidArgument("several groups have this name; give the group id", "ambiguous_group");
}

Result<MailImportCounts> ImportMaildir(AppContext& ctx, GroupId group, const std::string& dir,
                                       bool verbose) {
  std::error_code ec;
  if (!fs::is_directory(dir, ec)) {
    return InvalidArgument("not a directory: " + dir, "bad_maildir");
  }
  std::vector<fs::path> files;
  std::vector<fs::path> roots;
  if (fs::is_directory(fs::path(dir) / "new", ec) || fs::is_directory(fs::path(dir) / "cur", ec)) {
    roots = {fs::path(dir) / "new", fs::path(dir) / "cur"};
  } else {
    roots = {fs::path(dir)};
  }
  for (const auto& root : roots) {
    if (!fs::is_directory(root, ec)) continue;
    for (const auto& e : fs::directory_iterator(root, ec)) {
      if (e.is_regular_file(ec) && e.path().filename().string().front() != '.') {
        files.push_back(e.path());
      }
    }
  }
  std::sort(files.begin(), files.end());
  MailImportCounts counts;
  for (const auto& f : files) {
    std::ifstream in(f, std::ios::binary);
    std::string raw((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    if (!in.good() && !in.eof()) {
      std::fprintf(stderr, "无法读取 (cannot read) %s\n", f.c_str());
      ++counts.unreadable_files;
      continue;
    }
    XUNCHA_ASSIGN_OR_RETURN(MailImportResult r,
                            ctx.reports->ImportMail(group, std::move(raw), MailSource::kMaildir));
    const std::string name = f.filename().string();
    switch (r.kind) {
      case MailImportResult::Kind::kImported:
        ++counts.imported;
        if (verbose) std::printf("已登记 %s  %s\n", r.report_number.c_str(), name.c_str());
        break;
      case MailImportResult::Kind::kDuplicate:
        ++counts.duplicates;
        if (verbose) std::printf("已导入过  %s\n", name.c_str());
        break;
      case MailImportResult::Kind::kQuarantined:
        ++counts.quarantined;
        if (verbose) {
          std::printf("隔离 #%lld (%s)  %s\n", static_cast<long long>(r.mail_id.value),
                      r.reason.c_str(), name.c_str());
        }
        break;
    }
    if (verbose) {
      for (const auto& w : r.warnings) std::printf("    注意: %s\n", w.c_str());
    }
  }
  return counts;
}

}  // namespace xuncha
