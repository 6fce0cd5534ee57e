#include "app/triage_service.h"

#include <algorithm>
#include <nlohmann/json.hpp>
#include <set>

#include "app/scope.h"

namespace xuncha {
namespace {

constexpr const char* kCatalogueSetting = "discipline_catalogue";
constexpr const char* kModelSetting = "discipline_model";
// A roster match this sure (an exact or same-sound name, a surname with the right post) counts
// as the person a report is about for repeat detection; a post alone does not.
constexpr double kRepeatPersonConfidence = 0.5;
constexpr std::size_t kMaxNoteChars = 500;

std::string PersonsContext(ReportId id) { return "triage:" + std::to_string(id.value); }

bool IsHandlerRole(Role r) {
  return r == Role::kOffice || r == Role::kGroupLeader || r == Role::kGroupMember;
}

// The words triage reads: the persons named and what the reporter wrote.
std::string TriageText(const ReportContent& c) {
  std::string text;
  for (const auto& p : c.persons) text += p.name + ' ' + p.unit + ' ' + p.post + '\n';
  text += c.content;
  if (!c.happened.empty()) text += '\n' + c.happened;
  if (!c.place.empty()) text += '\n' + c.place;
  return text;
}

bool ValidScope(const std::string& s) {
  return s == "in_scope" || s == "transfer" || s == "above_level" || s == "unclear";
}

std::size_t CodePoints(const std::string& s) {
  std::size_t n = 0;
  for (unsigned char c : s) n += (c & 0xC0) != 0x80 ? 1 : 0;
  return n;
}

// What repeat detection compares of the text the search index holds: all but its first word,
// the report's number (ReportService::SearchText puts it first, on a line of its own, which
// normalisation turns into one space). Every report of a year shares part of it (xc2026-), and
// its digits would count as a fact.
std::string_view MatterText(std::string_view indexed) {
  const std::size_t end = indexed.find_first_of(" \n");
  return end == std::string_view::npos ? std::string_view() : indexed.substr(end + 1);
}

std::pair<std::int64_t, std::int64_t> PairOf(ReportId a, ReportId b) {
  return a.value < b.value ? std::make_pair(a.value, b.value) : std::make_pair(b.value, a.value);
}

}  // namespace

TriageService::~TriageService() {
  if (trainer_.joinable()) trainer_.join();
}

std::string TriageService::NormalizeOr(std::string_view s) const {
  auto n = normalize_(s);
  return n.ok() ? *n : std::string(s);
}

Status TriageService::CheckHandler(const Actor& a) const {
  if (!IsHandlerRole(a.user.role)) return Forbidden("triage is for the office and the groups");
  return Ok();
}

Status TriageService::CheckVisible(const Actor& a, const std::vector<ReportId>& ids) {
  XUNCHA_ASSIGN_OR_RETURN(auto views, reports_.Summaries(a, ids));
  if (views.size() != ids.size()) return NotFound("report");
  return Ok();
}

Status TriageService::Start(const std::string& shipped_catalogue_json,
                            const std::string& labelled_jsonl) {
  XUNCHA_ASSIGN_OR_RETURN(auto tx, store_.Begin(TxMode::kRead));
  XUNCHA_ASSIGN_OR_RETURN(auto stored, tx->GetSetting(kCatalogueSetting));
  XUNCHA_ASSIGN_OR_RETURN(ArticleCatalogue catalogue,
                          DecodeArticleCatalogue(stored ? *stored : shipped_catalogue_json));
  std::vector<LabelledExample> labelled;
  if (!labelled_jsonl.empty()) {
    XUNCHA_ASSIGN_OR_RETURN(labelled, DecodeLabelledExamples(labelled_jsonl));
  }
  std::unique_ptr<DisciplineClassifier> classifier;
  XUNCHA_ASSIGN_OR_RETURN(auto model_text, tx->GetSetting(kModelSetting));
  if (model_text) {
    auto model = DisciplineModel::Decode(*model_text);
    if (model.ok()) classifier = std::make_unique<DisciplineClassifier>(catalogue, *model);
  }
  XUNCHA_ASSIGN_OR_RETURN(auto links, tx->ListRepeatLinks());
  // The index verifies at the lowest bar of the person rule; Observe applies the rule with the
  // persons of the new report and of its candidates only.
  RepeatParams loose = rule_;
  loose.threshold = rule_.threshold - rule_.shared_person_bonus;
  // The index holds no persons, so its fact bars are the lower of the two the rule has (a
  // person both name, or nobody named); the margin drops out and fact_min_weight remains.
  loose.fact_threshold_alone = std::min(rule_.fact_threshold, rule_.fact_threshold_alone);
  loose.fact_margin_alone = -1e9;
  XUNCHA_ASSIGN_OR_RETURN(RepeatIndex index, RepeatIndex::Create(loose));
  {
    std::unique_lock lock(mu_);
    catalogue_ = std::move(catalogue);
    labelled_ = std::move(labelled);
    classifier_ = std::move(classifier);
    repeats_ = std::make_unique<RepeatIndex>(std::move(index));
    for (const auto& l : links) {
      links_[{l.a.value, l.b.value}] = l;
      if (l.state == "split") {
        groups_.Split(l.a, l.b);
      } else {
        groups_.Connect(l.a, l.b, l.similarity,
                        l.origin == "staff" ? RepeatGroups::LinkOrigin::kStaff
                                            : RepeatGroups::LinkOrigin::kAutomatic);
      }
    }
  }
  search_.SetObserver([this](std::int64_t id, const std::string* text, bool changed) {
    Observe(id, text, changed);
  });
  return Ok();
}

std::vector<std::string> TriageService::PersonKeys(ReportId id, const std::string& text,
                                                   bool fresh) {
  auto tx = store_.Begin(TxMode::kRead);
  if (!tx.ok()) return {};
  auto rec = (*tx)->GetReport(id);
  if (!rec.ok()) return {};
  const std::pair key{rec->report.unit_id.value, rec->report.round_id.value};
  std::vector<Leader> roster;
  {
    std::lock_guard lock(roster_mu_);
    auto it = rosters_.find(key);
    if (!fresh && it != rosters_.end() && clock_.Now() - it->second.read_at < 60) {
      roster = it->second.leaders;
    } else {
      auto leaders = Roster(**tx, rec->report);
      if (!leaders.ok()) return {};
      for (auto& l : *leaders) {
        l.name = NormalizeOr(l.name);
        l.post = NormalizeOr(l.post);
        l.org_name = NormalizeOr(l.org_name);
      }
      roster = *leaders;
      rosters_[key] = {std::move(*leaders), clock_.Now()};
    }
  }
  std::vector<std::string> keys;
  if (roster.empty()) return keys;
  for (const PersonMatch& m : MatchPersons(text, {}, roster, pinyin_).matches) {
    if (m.best.confidence >= kRepeatPersonConfidence) {
      keys.push_back("leader:" + std::to_string(m.leader_id.value));
    }
  }
  std::sort(keys.begin(), keys.end());
  keys.erase(std::unique(keys.begin(), keys.end()), keys.end());
  return keys;
}

std::vector<std::string> TriageService::PersonsOf(ReportId id) {
  {
    std::lock_guard lock(roster_mu_);
    if (auto it = persons_of_.find(id.value); it != persons_of_.end()) return it->second;
  }
  auto text = search_.ReportText(id.value);
  if (!text) return {};
  auto keys = PersonKeys(id, *text, false);
  std::lock_guard lock(roster_mu_);
  persons_of_[id.value] = keys;
  return keys;
}

void TriageService::Observe(std::int64_t report_id, const std::string* text, bool changed) {
  const ReportId id(report_id);
  {
    std::lock_guard lock(roster_mu_);
    persons_of_.erase(report_id);
  }
  std::vector<RepeatMatch> found;
  {
    std::unique_lock lock(mu_);
    repeats_->Remove(id);
    if (text == nullptr) return;  // the report is gone; its links stay as history
    const std::string_view matter = MatterText(*text);
    const RepeatSignature sig = RepeatSignature::Of(matter, repeats_->params());
    const std::vector<std::string> facts = ExtractFacts(matter);
    if (changed) found = repeats_->Find(sig, {}, id, facts);
    (void)repeats_->Add(id, sig, {}, facts);
    // Pairs already decided (linked, or split by staff) are left as they are.
    found.erase(std::remove_if(
                    found.begin(), found.end(),
                    [&](const RepeatMatch& m) { return links_.count(PairOf(id, m.report)) > 0; }),
                found.end());
  }
  if (found.empty()) return;
  // The person rule (docs/repeats.md): same-template letters about two different leaders of
  // the roster stay apart; about the same leader the bar is lower.
  const std::vector<std::string> mine = PersonKeys(id, *text, true);
  {
    std::lock_guard lock(roster_mu_);
    persons_of_[report_id] = mine;
  }
  for (const auto& m : found) {
    const std::vector<std::string> theirs = PersonsOf(m.report);
    if (!RepeatAccepted(rule_, m, mine, theirs)) continue;
    const bool by_text = m.similarity >= RepeatBar(rule_, mine, theirs);
    const auto [a, b] = PairOf(id, m.report);
    RepeatLinkRecord rec{ReportId(a),
                         ReportId(b),
                         by_text ? m.similarity : m.fact_similarity,
                         "automatic",
                         "linked",
                         std::nullopt,
                         clock_.Now(),
                         by_text ? "text" : "facts"};
    auto tx = store_.Begin(TxMode::kWrite);
    if (!tx.ok()) {
      Warn("repeat link not stored", tx.error());
      return;
    }
    Status st = (*tx)->PutRepeatLink(rec);
    if (st.ok()) st = (*tx)->Commit();
    if (!st.ok()) {
      Warn("repeat link not stored", st.error());
      return;
    }
    std::unique_lock lock(mu_);
    links_[{a, b}] = rec;
    groups_.Connect(rec.a, rec.b, rec.similarity, RepeatGroups::LinkOrigin::kAutomatic);
  }
}

Result<std::vector<Leader>> TriageService::Roster(Transaction& tx, const Report& r) {
  XUNCHA_ASSIGN_OR_RETURN(RoundSummary round, tx.GetRound(r.round_id));
  XUNCHA_ASSIGN_OR_RETURN(auto leaders, tx.ListLeaders(r.unit_id));
  std::vector<Leader> out;
  for (auto& l : leaders) {
    // In post at some time during the round.
    if (round.round.end_date < l.term_from) continue;
    if (l.term_to && *l.term_to < round.round.start_date) continue;
    out.push_back(std::move(l));
  }
  return out;
}

Result<TriageView> TriageService::Get(const Actor& a, ReportId id) {
  XUNCHA_TRY(CheckHandler(a));
  XUNCHA_TRY(search_.Sync());  // repeat detection sees every committed report
  XUNCHA_ASSIGN_OR_RETURN(ReportView v, reports_.Get(a, id));
  TriageView out;
  out.report_id = id;
  const std::string text = NormalizeOr(TriageText(v.report.body));
  std::vector<ReportedPerson> named;
  for (const auto& p : v.report.body.persons) {
    named.push_back({NormalizeOr(p.name), NormalizeOr(p.unit), NormalizeOr(p.post)});
  }
  std::optional<TriageDecisionRecord> decision;
  {
    XUNCHA_ASSIGN_OR_RETURN(auto tx, store_.Begin(TxMode::kRead));
    XUNCHA_ASSIGN_OR_RETURN(out.roster, Roster(*tx, v.report));
    XUNCHA_ASSIGN_OR_RETURN(decision, tx->GetTriageDecision(id));
  }
  std::vector<Leader> roster_norm = out.roster;
  for (auto& l : roster_norm) {
    l.name = NormalizeOr(l.name);
    l.post = NormalizeOr(l.post);
    l.org_name = NormalizeOr(l.org_name);
  }
  PersonMatches pm = MatchPersons(text, named, roster_norm, pinyin_);
  out.unmatched = pm.unmatched;
  for (const auto& m : pm.matches) {
    for (const auto& l : out.roster) {
      if (l.id == m.leader_id) out.persons.push_back({l, m});
    }
  }

  std::vector<ReportId> member_ids;
  std::map<std::int64_t, RepeatLinkRecord> direct;
  bool need_training = false;
  {
    std::shared_lock lock(mu_);
    out.classifier = classifier_ ? "trained" : "cues";
    need_training = !classifier_;
    Classification c = classifier_ ? classifier_->Classify(text) : ClassifyByCues(catalogue_, text);
    for (auto& s : c.suggestions) {
      TriageDiscipline d;
      for (const auto& art : s.articles) {
        if (const Article* found = catalogue_.Find(art.number)) d.articles.push_back(*found);
      }
      d.suggestion = std::move(s);
      out.disciplines.push_back(std::move(d));
    }
    out.scope = SuggestScope(text, pm, static_cast<int>(out.disciplines.size()));
    for (ReportId m : groups_.Members(id)) {
      if (m == id) continue;
      member_ids.push_back(m);
      auto it = links_.find(PairOf(id, m));
      if (it != links_.end() && it->second.state == "linked") direct[m.value] = it->second;
    }
  }
  if (need_training) TrainInBackground();
  // Only the members the caller may see: the rest are neither shown nor counted.
  XUNCHA_ASSIGN_OR_RETURN(auto views, reports_.Summaries(a, member_ids));
  {
    // Only the members reachable through reports the caller may see: a member joined to this
    // report only through a report outside his scope would reveal that that report exists.
    std::set<std::int64_t> allowed{id.value};
    for (const auto& mv : views) allowed.insert(mv.report.id.value);
    std::map<std::int64_t, std::vector<std::int64_t>> next;
    {
      std::shared_lock lock(mu_);
      for (const auto& [pair, rec] : links_) {
        if (rec.state == "linked" && allowed.count(pair.first) != 0 &&
            allowed.count(pair.second) != 0) {
          next[pair.first].push_back(pair.second);
          next[pair.second].push_back(pair.first);
        }
      }
    }
    std::set<std::int64_t> reached{id.value};
    std::vector<std::int64_t> todo{id.value};
    while (!todo.empty()) {
      const std::int64_t at = todo.back();
      todo.pop_back();
      for (const std::int64_t to : next[at]) {
        if (reached.insert(to).second) todo.push_back(to);
      }
    }
    std::erase_if(views,
                  [&](const ReportView& mv) { return reached.count(mv.report.id.value) == 0; });
  }
  std::optional<std::vector<std::string>> my_facts;  // extracted when a link needs them
  for (auto& mv : views) {
    RepeatMember m;
    if (auto it = direct.find(mv.report.id.value); it != direct.end()) {
      m.similarity = it->second.similarity;
      m.origin = it->second.origin;
      m.basis = it->second.basis;
      // A sealed (越级) report's content is never shown in a list, so neither are the facts it
      // shares, nor the facts another report shares with it.
      if (m.basis == "facts" && !v.report.sealed && !mv.report.sealed) {
        // Recomputed from both texts (the caller may see both): facts are report content and
        // are not stored with the link.
        if (!my_facts) {
          const auto mine = search_.ReportText(id.value);
          my_facts = mine ? ExtractFacts(MatterText(*mine)) : ExtractFacts(text);
        }
        const auto theirs = search_.ReportText(mv.report.id.value);
        if (theirs) m.shared_facts = SharedFacts(*my_facts, ExtractFacts(MatterText(*theirs)));
      }
    }
    m.report = std::move(mv);
    out.repeats.push_back(std::move(m));
  }
  if (!out.repeats.empty()) {
    // The members' excerpts and shared facts are report content: logged like a list read.
    std::string ids;
    for (const auto& m : out.repeats) {
      ids += (ids.empty() ? "" : ",") + std::to_string(m.report.report.id.value);
    }
    XUNCHA_ASSIGN_OR_RETURN(auto wtx, store_.Begin(TxMode::kWrite));
    XUNCHA_TRY(audit_.Append(*wtx, a, "report.list", "report", std::to_string(id.value), ids));
    XUNCHA_TRY(wtx->Commit());
  }
  if (decision) {
    TriageDecision d;
    d.version = decision->version;
    d.scope = decision->scope;
    d.disciplines = decision->disciplines;
    d.articles = decision->articles;
    d.decided_by_name = decision->decided_by_name;
    d.decided_at = decision->decided_at;
    XUNCHA_ASSIGN_OR_RETURN(std::string plain,
                            crypto_.Open(content_key_, decision->persons_box, PersonsContext(id)));
    auto j = nlohmann::json::parse(plain, nullptr, false);
    if (j.is_object()) {
      for (const auto& l : j.value("leaders", nlohmann::json::array())) {
        if (l.is_number_integer()) d.leaders.push_back(LeaderId(l.get<std::int64_t>()));
      }
      d.note = j.value("note", "");
    }
    out.decision = std::move(d);
  }
  return out;
}

Result<TriageView> TriageService::Decide(const Actor& a, ReportId id, const TriageInput& in) {
  XUNCHA_TRY(CheckHandler(a));
  XUNCHA_TRY(CheckVisible(a, {id}));
  FieldErrors errors;
  if (!ValidScope(in.scope)) errors["scope"] = in.scope.empty() ? "required" : "invalid_value";
  std::set<std::string> seen;
  for (const auto& k : in.disciplines) {
    if (!DisciplineFromKey(k)) errors["disciplines"] = "invalid_value";
    if (!seen.insert(k).second) errors["disciplines"] = "duplicate";
  }
  {
    std::shared_lock lock(mu_);
    for (int n : in.articles) {
      if (catalogue_.Find(n) == nullptr) errors["articles"] = "not_found";
    }
  }
  if (CodePoints(in.note) > kMaxNoteChars) errors["note"] = "too_long";
  XUNCHA_ASSIGN_OR_RETURN(auto tx, store_.Begin(TxMode::kWrite));
  XUNCHA_ASSIGN_OR_RETURN(ReportRecord rec, tx->GetReport(id));
  XUNCHA_ASSIGN_OR_RETURN(auto roster, Roster(*tx, rec.report));
  for (LeaderId l : in.leaders) {
    const bool on_roster =
        std::any_of(roster.begin(), roster.end(), [l](const Leader& x) { return x.id == l; });
    if (!on_roster) errors["leaders"] = "not_found";
  }
  if (!errors.empty()) return ValidationError(std::move(errors));
  TriageDecisionRecord d;
  d.report_id = id;
  d.version = in.version;
  d.scope = in.scope;
  d.disciplines = in.disciplines;
  d.articles = in.articles;
  std::sort(d.articles.begin(), d.articles.end());
  d.articles.erase(std::unique(d.articles.begin(), d.articles.end()), d.articles.end());
  nlohmann::json persons = {{"leaders", nlohmann::json::array()}, {"note", in.note}};
  for (LeaderId l : in.leaders) persons["leaders"].push_back(l.value);
  d.persons_box = crypto_.Seal(content_key_, persons.dump(), PersonsContext(id));
  d.decided_by = a.user.id;
  d.decided_at = clock_.Now();
  XUNCHA_TRY(tx->PutTriageDecision(d));
  std::string detail = "scope=" + d.scope + " disciplines=";
  for (std::size_t i = 0; i < d.disciplines.size(); ++i) {
    detail += (i > 0 ? "," : "") + d.disciplines[i];
  }
  XUNCHA_TRY(audit_.Append(*tx, a, "report.triage", "report", std::to_string(id.value), detail));
  XUNCHA_TRY(tx->Commit());
  tx.reset();  // Get opens its own write transaction (the read is logged)
  return Get(a, id);
}

Status TriageService::Split(const Actor& a, ReportId id, ReportId other) {
  XUNCHA_TRY(CheckHandler(a));
  if (id == other) return ValidationError({{"other", "invalid_value"}});
  XUNCHA_TRY(CheckVisible(a, {id, other}));
  const auto [x, y] = PairOf(id, other);
  RepeatLinkRecord rec{ReportId(x), ReportId(y),  0,      "staff", "split",
                       a.user.id,   clock_.Now(), "staff"};
  {
    std::shared_lock lock(mu_);
    auto it = links_.find({x, y});
    if (it == links_.end() || it->second.state != "linked") return NotFound("repeat_link");
    rec.similarity = it->second.similarity;
  }
  XUNCHA_ASSIGN_OR_RETURN(auto tx, store_.Begin(TxMode::kWrite));
  XUNCHA_TRY(tx->PutRepeatLink(rec));
  XUNCHA_TRY(audit_.Append(*tx, a, "repeat.split", "report", std::to_string(x), std::to_string(y)));
  XUNCHA_TRY(tx->Commit());
  std::unique_lock lock(mu_);
  links_[{x, y}] = rec;
  groups_.Split(rec.a, rec.b);
  return Ok();
}

Status TriageService::Link(const Actor& a, ReportId id, ReportId other) {
  XUNCHA_TRY(CheckHandler(a));
  if (id == other) return ValidationError({{"other", "invalid_value"}});
  XUNCHA_TRY(CheckVisible(a, {id, other}));
  const auto [x, y] = PairOf(id, other);
  RepeatLinkRecord rec{ReportId(x), ReportId(y),  0,      "staff", "linked",
                       a.user.id,   clock_.Now(), "staff"};
  {
    std::shared_lock lock(mu_);
    if (auto it = links_.find({x, y}); it != links_.end()) rec.similarity = it->second.similarity;
  }
  XUNCHA_ASSIGN_OR_RETURN(auto tx, store_.Begin(TxMode::kWrite));
  XUNCHA_TRY(tx->PutRepeatLink(rec));
  XUNCHA_TRY(audit_.Append(*tx, a, "repeat.link", "report", std::to_string(x), std::to_string(y)));
  XUNCHA_TRY(tx->Commit());
  std::unique_lock lock(mu_);
  links_[{x, y}] = rec;
  groups_.Connect(rec.a, rec.b, rec.similarity, RepeatGroups::LinkOrigin::kStaff);
  return Ok();
}

Result<ArticleCatalogue> TriageService::Catalogue(const Actor& a) {
  XUNCHA_TRY(CheckHandler(a));
  std::shared_lock lock(mu_);
  return catalogue_;
}

Result<ModelReport> TriageService::PutCatalogue(const Actor& a, const std::string& json) {
  if (a.user.role != Role::kOffice) return Forbidden("only the office edits the catalogue");
  XUNCHA_ASSIGN_OR_RETURN(ArticleCatalogue c, DecodeArticleCatalogue(json));
  {
    XUNCHA_ASSIGN_OR_RETURN(auto tx, store_.Begin(TxMode::kWrite));
    XUNCHA_TRY(tx->PutSetting(kCatalogueSetting, json));
    XUNCHA_TRY(audit_.Append(*tx, a, "discipline.catalogue", "setting", kCatalogueSetting,
                             std::to_string(c.articles.size()) + " articles"));
    XUNCHA_TRY(tx->Commit());
  }
  {
    std::unique_lock lock(mu_);
    catalogue_ = std::move(c);
  }
  return Train();
}

Result<ModelReport> TriageService::Retrain(const Actor& a) {
  if (a.user.role != Role::kOffice) return Forbidden("only the office retrains the model");
  return Train();
}

Result<ModelReport> TriageService::LastModelReport(const Actor& a) {
  XUNCHA_TRY(CheckHandler(a));
  std::shared_lock lock(mu_);
  return model_report_;
}

void TriageService::TrainInBackground() {
  if (!background_training_ || training_started_.exchange(true)) return;
  trainer_ = std::thread([this] {
    if (auto r = Train(); !r.ok()) Warn("discipline model: training failed", r.error());
  });
}

Result<ModelReport> TriageService::Train() {
  std::lock_guard train_lock(train_mu_);
  ArticleCatalogue catalogue;
  std::vector<LabelledExample> labelled;
  {
    std::shared_lock lock(mu_);
    catalogue = catalogue_;
    labelled = labelled_;
  }
  ModelReport report;
  std::vector<LabelledText> train;
  std::vector<std::pair<std::string, DisciplineOutcome>> test;
  for (const auto& e : labelled) {
    DisciplineOutcome o;
    for (Discipline d : e.labels) o.labels[Index(d)] = true;
    if (!e.labels.empty()) o.primary = e.labels.front();
    std::string t = NormalizeOr(e.text);
    if (e.split == DataSplit::kTrain) {
      train.push_back({std::move(t), o.labels});
    } else {
      test.emplace_back(std::move(t), o);
    }
  }
  // Staff decisions teach the model: the report's text with the disciplines decided.
  {
    XUNCHA_ASSIGN_OR_RETURN(auto tx, store_.Begin(TxMode::kRead));
    XUNCHA_ASSIGN_OR_RETURN(auto decisions, tx->ListTriageDecisions());
    for (const auto& d : decisions) {
      auto rec = tx->GetReport(d.report_id);
      if (!rec.ok()) continue;
      auto raw = reports_.SearchText(*rec);
      if (!raw.ok()) continue;
      DisciplineSet labels{};
      for (const auto& k : d.disciplines) {
        if (auto disc = DisciplineFromKey(k)) labels[Index(*disc)] = true;
      }
      train.push_back({NormalizeOr(*raw), labels});
      ++report.staff_examples;
    }
  }
  report.train_examples = train.size();
  XUNCHA_ASSIGN_OR_RETURN(DisciplineModel model, DisciplineModel::Train(catalogue, train));
  auto classifier = std::make_unique<DisciplineClassifier>(catalogue, model);
  std::vector<DisciplineOutcome> truth;
  std::vector<DisciplineOutcome> predicted;
  for (const auto& [t, o] : test) {
    Classification c = classifier->Classify(t);
    truth.push_back(o);
    predicted.push_back({c.labels(), c.primary()});
  }
  if (!test.empty()) report.test = EvaluateDisciplines(truth, predicted);
  {
    XUNCHA_ASSIGN_OR_RETURN(auto tx, store_.Begin(TxMode::kWrite));
    XUNCHA_TRY(tx->PutSetting(kModelSetting, model.Encode()));
    XUNCHA_TRY(tx->Commit());
  }
  std::unique_lock lock(mu_);
  classifier_ = std::move(classifier);
  model_report_ = report;
  return report;
}

}  // namespace xuncha
