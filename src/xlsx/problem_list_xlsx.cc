#include "xlsx/problem_list_xlsx.h"

#include <sys/mman.h>
#include <sys/vfs.h>
#include <unistd.h>
#include <xlsxwriter.h>

#include <string>

namespace xuncha::xlsx {
namespace {
constexpr const char* kHeaders[] = {"序号",         "被巡察单位", "巡察组",   "巡察重点",
                                    "问题概述",     "问题事实",   "证据材料", "涉及纪律",
                                    "涉及领导干部", "状态",       "撰写人",   "撰写时间"};
constexpr double kWidths[] = {6, 16, 14, 24, 30, 60, 36, 14, 20, 8, 10, 18};
constexpr lxw_col_t kColumns = 12;
// libxlsxwriter writes every part of the workbook (the shared strings: every title, fact and
// name) to temporary files while it zips them. They must not reach a disk: they go to /dev/shm,
// and only when it is memory (tmpfs).
constexpr const char* kMemoryDir = "/dev/shm";
constexpr long kTmpfsMagic = 0x01021994;

bool IsMemoryDir(const char* dir) {
  struct statfs fs {};
  return statfs(dir, &fs) == 0 && static_cast<long>(fs.f_type) == kTmpfsMagic &&
         access(dir, W_OK) == 0;
}
}  // namespace

Result<std::string> WriteProblemList(const std::vector<ProblemListRow>& rows) {
  // The sheet holds sealed content in the clear: the workbook is written into an anonymous
  // memory file (libxlsxwriter 1.1.4 writes only to a path) and its parts into tmpfs.
  if (!IsMemoryDir(kMemoryDir)) {
    return Error::Make(ErrorCode::kUnavailable, "no writable tmpfs at /dev/shm for the export",
                       "export_unavailable");
  }
  const int fd = memfd_create("xuncha-problem-list", MFD_CLOEXEC);
  if (fd < 0) return Internal("memfd_create failed");
  struct Closer {
    int fd;
    ~Closer() { close(fd); }
  } closer{fd};
  const std::string path = "/proc/self/fd/" + std::to_string(fd);
  lxw_workbook_options options{};
  std::string tmpdir = kMemoryDir;
  options.tmpdir = tmpdir.data();
  lxw_workbook* wb = workbook_new_opt(path.c_str(), &options);
  if (wb == nullptr) return Internal("workbook_new failed");
  lxw_worksheet* ws = workbook_add_worksheet(wb, "问题清单");
  lxw_format* bold = workbook_add_format(wb);
  format_set_bold(bold);
  lxw_format* wrap = workbook_add_format(wb);
  format_set_text_wrap(wrap);
  format_set_align(wrap, LXW_ALIGN_VERTICAL_TOP);
  for (lxw_col_t c = 0; c < kColumns; ++c) {
    worksheet_write_string(ws, 0, c, kHeaders[c], bold);
    worksheet_set_column(ws, c, c, kWidths[c], wrap);
  }
  worksheet_freeze_panes(ws, 1, 0);
  lxw_row_t r = 1;
  for (const auto& row : rows) {
    worksheet_write_number(ws, r, 0, static_cast<double>(r), wrap);
    const std::string* cells[] = {&row.unit,        &row.group,    &row.focus,       &row.title,
                                  &row.description, &row.evidence, &row.disciplines, &row.leaders,
                                  &row.state,       &row.author,   &row.written};
    for (lxw_col_t c = 1; c < kColumns; ++c) {
      worksheet_write_string(ws, r, c, cells[c - 1]->c_str(), wrap);
    }
    ++r;
  }
  const lxw_error err = workbook_close(wb);
  if (err != LXW_NO_ERROR) return Internal(std::string("workbook_close: ") + lxw_strerror(err));
  std::string bytes;
  char buf[1 << 16];
  for (off_t at = 0;;) {
    const ssize_t n = pread(fd, buf, sizeof buf, at);
    if (n < 0) return Internal("reading the workbook failed");
    if (n == 0) break;
    bytes.append(buf, static_cast<std::size_t>(n));
    at += n;
  }
  if (bytes.empty()) return Internal("empty workbook");
  return bytes;
}

}  // namespace xuncha::xlsx
