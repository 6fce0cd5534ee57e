// The JSON API under /api/v1: authentication, CSRF, routing to the app services, and the
// translation of every Error into the JSON error envelope. Thread-safe (stateless apart from the
// services it calls).
#pragma once

#include <nlohmann/json.hpp>
#include <string>

#include "app/auth_service.h"
#include "app/clue_service.h"
#include "app/finding_service.h"
#include "app/mailbox_service.h"
#include "app/overview_service.h"
#include "app/planning_service.h"
#include "app/rectification_service.h"
#include "app/report_service.h"
#include "app/search_service.h"
#include "app/triage_service.h"
#include "http/http_types.h"
#include "http/proof_of_work.h"
#include "http/rate_limiter.h"
#include "http/router.h"

namespace xuncha::http {

struct ApiOptions {
  bool secure_cookies = false;  // add Secure to the session cookie (behind TLS)
  bool demo = false;            // the data directory holds the demo
  // Per-client limits on the public endpoints (requests per minute; 0 = no limit).
  double submit_per_minute = 6;
  double submit_burst = 6;
  double lookup_per_minute = 30;
  double lookup_burst = 10;
  // Proof of work on public submissions: leading zero bits asked of SHA-256 (0: off).
  int pow_bits = 0;
};

class Api {
 public:
  Api(AuthService& auth, PlanningService& planning, ReportService& reports, ApiOptions options);

  // Handles one request whose target starts with /api/.
  Response Handle(const Request& req, const std::string& ip);

  const Router& router() const { return router_; }
  // The IMAP mailbox routes answer 503 until this is set.
  void SetMailboxes(MailboxService* m) { mailboxes_ = m; }
  // GET /api/v1/search answers 503 until this is set.
  void SetSearch(SearchService* s) { search_ = s; }
  // The findings routes answer 503 until this is set.
  void SetFindings(FindingService* f) { findings_ = f; }
  // The clues routes answer 503 until this is set.
  void SetClues(ClueService* c) { clues_ = c; }
  // The rectification routes answer 503 until this is set.
  void SetRectification(RectificationService* r) { rectification_ = r; }
  // The triage routes answer 503 until this is set.
  void SetTriage(TriageService* t) { triage_ = t; }
  // GET /api/v1/rounds/{id}/overview answers 503 until this is set.
  void SetOverview(OverviewService* o) { overview_ = o; }

 private:
  void AddRoutes();
  void AddReportRoutes();
  void AddPublicRoutes();
  void AddMailRoutes();
  void AddSearchRoutes();
  void AddTriageRoutes();
  void AddFindingRoutes();
  void AddClueRoutes();
  void AddRectificationRoutes();
  void AddOverviewRoutes();
  // kResourceExhausted "rate_limited" when the client has used up its allowance.
  Status Throttle(RateLimiter& limiter, const Ctx& ctx);
  Result<Response> Dispatch(const Request& req, Ctx& ctx);

  AuthService& auth_;
  PlanningService& planning_;
  ReportService& reports_;
  MailboxService* mailboxes_ = nullptr;
  SearchService* search_ = nullptr;
  TriageService* triage_ = nullptr;
  FindingService* findings_ = nullptr;
  ClueService* clues_ = nullptr;
  RectificationService* rectification_ = nullptr;
  OverviewService* overview_ = nullptr;
  ApiOptions options_;
  RateLimiter submit_limiter_;
  RateLimiter lookup_limiter_;
  ProofOfWork pow_;
  Router router_;
};

inline constexpr const char* kCsrfHeader = "X-CSRF-Token";

// A finding as lists and search results show it (no facts or evidence).
nlohmann::json FindingSummaryJson(const FindingView& v);
// A clue as lists and search results show it (whom it concerns, no facts or evidence).
nlohmann::json ClueSummaryJson(const ClueView& v);
// A rectification measure, in a problem's detail and in search results.
nlohmann::json MeasureJson(const MeasureView& v);

}  // namespace xuncha::http
