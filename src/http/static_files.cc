#include "http/static_files.h"

#include <filesystem>
#include <fstream>

#include "http/router.h"

namespace xuncha::http {
namespace {

std::string MimeType(const std::string& path) {
  auto dot = path.rfind('.');
  std::string ext = dot == std::string::npos ? "" : path.substr(dot + 1);
  if (ext == "html") return "text/html; charset=utf-8";
  if (ext == "js" || ext == "mjs") return "text/javascript; charset=utf-8";
  if (ext == "css") return "text/css; charset=utf-8";
  if (ext == "json") return "application/json";
  if (ext == "svg") return "image/svg+xml";
  if (ext == "png") return "image/png";
  if (ext == "ico") return "image/x-icon";
  if (ext == "woff2") return "font/woff2";
  if (ext == "woff") return "font/woff";
  if (ext == "ttf") return "font/ttf";
  return "application/octet-stream";
}

Response Text(const Request& req, bhttp::status s, const std::string& body) {
  Response res{s, req.version()};
  res.set(bhttp::field::content_type, "text/plain; charset=utf-8");
  res.keep_alive(req.keep_alive());
  res.body() = body;
  res.prepare_payload();
  return res;
}

bool ReadFile(const std::filesystem::path& p, std::string& out) {
  std::error_code ec;
  if (!std::filesystem::is_regular_file(p, ec)) return false;
  std::ifstream in(p, std::ios::binary);
  if (!in) return false;
  out.assign(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
  return true;
}

}  // namespace

Response StaticFiles::Serve(const Request& req, const std::string& raw_path) const {
  if (req.method() != bhttp::verb::get && req.method() != bhttp::verb::head) {
    return Text(req, bhttp::status::method_not_allowed, "method not allowed\n");
  }
  std::string path = UrlDecode(raw_path);
  auto segs = SplitPath(path);
  for (const auto& s : segs) {
    if (s == ".." || s == "." || s.find('\\') != std::string::npos ||
        s.find('\0') != std::string::npos) {
      return Text(req, bhttp::status::bad_request, "bad path\n");
    }
  }
  std::filesystem::path file(root_);
  for (const auto& s : segs) file /= s;
  std::string body;
  std::string served = file.string();
  bool found = !segs.empty() && ReadFile(file, body);
  if (!found) {
    // Client-side routes (no file extension) get the app shell; missing assets get 404.
    bool asset = !segs.empty() && segs.back().find('.') != std::string::npos;
    served = (std::filesystem::path(root_) / "index.html").string();
    if (asset || !ReadFile(served, body)) {
      if (segs.empty() || !asset) {
        return Text(req, bhttp::status::not_found,
                    "web UI not built: run `make run` (it builds web/dist)\n");
      }
      return Text(req, bhttp::status::not_found, "not found\n");
    }
  }
  Response res{bhttp::status::ok, req.version()};
  res.set(bhttp::field::content_type, MimeType(served));
  bool hashed_asset = segs.size() >= 2 && segs[0] == "assets";
  res.set(bhttp::field::cache_control,
          hashed_asset ? "public, max-age=31536000, immutable" : "no-cache");
  res.keep_alive(req.keep_alive());
  if (req.method() == bhttp::verb::head) {
    res.content_length(body.size());
  } else {
    res.body() = std::move(body);
    res.prepare_payload();
  }
  return res;
}

}  // namespace xuncha::http
