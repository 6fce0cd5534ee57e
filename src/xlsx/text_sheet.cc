#include "xlsx/text_sheet.h"

#include <sys/mman.h>
#include <sys/vfs.h>
#include <unistd.h>
#include <xlsxwriter.h>

#include <string>

namespace xuncha::xlsx {
namespace {
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

Result<std::string> WriteTextSheet(const TextSheet& sheet) {
  // The workbook is written into an anonymous memory file (libxlsxwriter 1.1.4 writes only to a
  // path) and its parts into tmpfs.
  if (!IsMemoryDir(kMemoryDir)) {
    return Error::Make(ErrorCode::kUnavailable, "no writable tmpfs at /dev/shm for the export",
                       "export_unavailable");
  }
  const int fd = memfd_create("xuncha-export", MFD_CLOEXEC);
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
  lxw_worksheet* ws = workbook_add_worksheet(wb, sheet.name);
  lxw_format* bold = workbook_add_format(wb);
  format_set_bold(bold);
  lxw_format* wrap = workbook_add_format(wb);
  format_set_text_wrap(wrap);
  format_set_align(wrap, LXW_ALIGN_VERTICAL_TOP);
  worksheet_write_string(ws, 0, 0, "序号", bold);
  worksheet_set_column(ws, 0, 0, 6, wrap);
  for (std::size_t i = 0; i < sheet.columns.size(); ++i) {
    const auto c = static_cast<lxw_col_t>(i + 1);
    worksheet_write_string(ws, 0, c, sheet.columns[i].header, bold);
    worksheet_set_column(ws, c, c, sheet.columns[i].width, wrap);
  }
  worksheet_freeze_panes(ws, 1, 0);
  lxw_row_t r = 1;
  for (const auto& row : sheet.rows) {
    worksheet_write_number(ws, r, 0, static_cast<double>(r), wrap);
    for (std::size_t i = 0; i < row.size() && i < sheet.columns.size(); ++i) {
      worksheet_write_string(ws, r, static_cast<lxw_col_t>(i + 1), row[i].c_str(), wrap);
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
