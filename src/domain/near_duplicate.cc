#include "domain/near_duplicate.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdio>
#include <deque>

#include "core/utf8.h"

namespace xuncha {
namespace {

constexpr std::uint8_t kSignatureVersion = 1;
constexpr std::size_t kHeaderBytes = 8;
constexpr int kMaxShingleLength = 4;
constexpr int kMinHashCount = 8;
constexpr int kMaxHashCount = 1024;
// Reports naming the query's persons checked by their facts; beyond, the rest is left out.
constexpr std::size_t kMaxPersonCandidates = 20000;

// SplitMix64's finaliser: a fast, well-mixed 64-bit hash of a 64-bit key.
constexpr std::uint64_t Mix64(std::uint64_t x) {
  x ^= x >> 30;
  x *= 0xbf58476d1ce4e5b9ULL;
  x ^= x >> 27;
  x *= 0x94d049bb133111ebULL;
  x ^= x >> 31;
  return x;
}

// The i-th hash function is h_i(x) = (a_i * x + b_i) >> 32 over 64-bit x (multiply-add-shift,
// universal for the high bits): one multiplication per shingle and hash. Fixed coefficients,
// so that signatures made anywhere, at any time, compare.
struct Coefficients {
  std::array<std::uint64_t, kMaxHashCount> a{}, b{};
};
const Coefficients& HashCoefficients() {
  static const Coefficients c = [] {
    Coefficients k;
    std::uint64_t state = 0x5851f42d4c957f2dULL;  // any fixed seed
    for (int i = 0; i < kMaxHashCount; ++i) {
      state += 0x9e3779b97f4a7c15ULL;
      k.a[i] = Mix64(state) | 1;
      state += 0x9e3779b97f4a7c15ULL;
      k.b[i] = Mix64(state);
    }
    return k;
  }();
  return c;
}

// Characters that carry no content for repeat detection: white space and punctuation, ASCII,
// Latin-1, general, CJK and full-width (normalisation folds most full-width forms to ASCII, but
// not 。、「」《》 and the like).
bool Ignored(char32_t c) {
  if (c < 0x80) {
    const bool alnum = (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    return !alnum;
  }
  return (c >= 0x80 && c <= 0xBF) || (c >= 0x2000 && c <= 0x206F) || (c >= 0x3000 && c <= 0x303F) ||
         (c >= 0xFE10 && c <= 0xFE1F) || (c >= 0xFE30 && c <= 0xFE6F) ||
         (c >= 0xFF00 && c <= 0xFF0F) || (c >= 0xFF1A && c <= 0xFF20) ||
         (c >= 0xFF3B && c <= 0xFF40) || (c >= 0xFF5B && c <= 0xFF65);
}

// The distinct shingle keys of `text`, sorted: each shingle's code points packed (21 bits each
// fit three in 64 bits; a fourth is folded in by multiplication), then mixed.
std::vector<std::uint64_t> ShingleKeys(std::string_view text, int length) {
  std::vector<char32_t> cps;
  cps.reserve(text.size() / 2);
  for (std::size_t i = 0; i < text.size();) {
    const char32_t c = utf8::NextCodePoint(text, i);
    if (!Ignored(c)) cps.push_back(c);
  }
  std::vector<std::uint64_t> keys;
  const auto n = static_cast<std::size_t>(length);
  if (cps.size() < n) return keys;
  keys.reserve(cps.size() - n + 1);
  for (std::size_t i = 0; i + n <= cps.size(); ++i) {
    std::uint64_t k = 0;
    for (std::size_t j = 0; j < n; ++j) {
      k = j < 3 ? (k << 21) | cps[i + j] : k * 0x100000001b3ULL + cps[i + j];
    }
    keys.push_back(Mix64(k));
  }
  std::sort(keys.begin(), keys.end());
  keys.erase(std::unique(keys.begin(), keys.end()), keys.end());
  return keys;
}

void PutLe(std::string& out, std::uint64_t v, int bytes) {
  for (int i = 0; i < bytes; ++i) out.push_back(static_cast<char>((v >> (8 * i)) & 0xFF));
}

std::uint64_t GetLe(std::string_view in, std::size_t at, int bytes) {
  std::uint64_t v = 0;
  for (int i = 0; i < bytes; ++i) {
    v |= static_cast<std::uint64_t>(static_cast<unsigned char>(in[at + i])) << (8 * i);
  }
  return v;
}

void SortUnique(std::vector<std::string>& v) {
  std::sort(v.begin(), v.end());
  v.erase(std::unique(v.begin(), v.end()), v.end());
}

std::vector<std::string> Intersection(const std::vector<std::string>& a,
                                      const std::vector<std::string>& b) {
  std::vector<std::string> out;
  std::set_intersection(a.begin(), a.end(), b.begin(), b.end(), std::back_inserter(out));
  return out;
}

std::string Reason(double similarity, RepeatBasis basis, const std::vector<std::string>& shared) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "text %.2f", similarity);
  std::string out = buf;
  if (basis == RepeatBasis::kTextAndSharedPerson) {
    out += "; shared";
    for (const auto& p : shared) out += " " + p;
  } else if (basis == RepeatBasis::kTextDifferentPersons) {
    out += "; different persons named";
  }
  return out;
}

// The facts themselves are report content and stay out of the reason (it is for logs).
std::string FactReason(const RepeatMatch& m) {
  char buf[96];
  std::snprintf(buf, sizeof buf, "text %.2f; facts %.2f (%.0f bits, %zu shared)", m.similarity,
                m.fact_similarity, m.fact_weight, m.shared_facts.size());
  std::string out = buf;
  if (m.basis == RepeatBasis::kFactsAndSharedPerson) {
    out += "; shared";
    for (const auto& p : m.shared_persons) out += " " + p;
  }
  return out;
}

}  // namespace

Status ValidateRepeatParams(const RepeatParams& p) {
  if (p.shingle_length < 1 || p.shingle_length > kMaxShingleLength) {
    return InvalidArgument("repeat params: shingle_length must be 1..4");
  }
  if (p.hash_count < kMinHashCount || p.hash_count > kMaxHashCount) {
    return InvalidArgument("repeat params: hash_count must be 8..1024");
  }
  if (p.bands < 1 || p.rows < 1 || p.bands * p.rows != p.hash_count) {
    return InvalidArgument("repeat params: bands * rows must equal hash_count");
  }
  if (p.min_shingles < 1 || !(p.threshold > 0 && p.threshold <= 1) ||
      !(p.shared_person_bonus >= 0) || !(p.different_person_penalty >= 0)) {
    return InvalidArgument("repeat params: bad threshold, adjustment or min_shingles");
  }
  return Ok();
}

// ---- RepeatSignature ----

RepeatSignature RepeatSignature::Of(std::string_view text, const RepeatParams& params) {
  RepeatSignature s;
  s.shingle_length_ = params.shingle_length;
  const std::vector<std::uint64_t> keys = ShingleKeys(text, params.shingle_length);
  s.shingle_count_ = static_cast<std::uint32_t>(keys.size());
  const auto h = static_cast<std::size_t>(params.hash_count);
  s.values_.assign(h, UINT32_MAX);
  const Coefficients& c = HashCoefficients();
  std::uint32_t* mins = s.values_.data();
  for (const std::uint64_t x : keys) {
    for (std::size_t i = 0; i < h; ++i) {
      const auto v = static_cast<std::uint32_t>((c.a[i] * x + c.b[i]) >> 32);
      mins[i] = std::min(mins[i], v);
    }
  }
  return s;
}

std::string RepeatSignature::Encode() const {
  std::string out;
  out.reserve(kHeaderBytes + 4 * values_.size());
  out.push_back(static_cast<char>(kSignatureVersion));
  out.push_back(static_cast<char>(shingle_length_));
  PutLe(out, values_.size(), 2);
  PutLe(out, shingle_count_, 4);
  for (const std::uint32_t v : values_) PutLe(out, v, 4);
  return out;
}

Result<RepeatSignature> RepeatSignature::Decode(std::string_view in) {
  const auto bad = [] { return InvalidArgument("not a repeat signature", "bad_repeat_signature"); };
  if (in.size() < kHeaderBytes || static_cast<std::uint8_t>(in[0]) != kSignatureVersion) {
    return bad();
  }
  RepeatSignature s;
  s.shingle_length_ = static_cast<unsigned char>(in[1]);
  const auto h = static_cast<std::size_t>(GetLe(in, 2, 2));
  if (s.shingle_length_ < 1 || s.shingle_length_ > kMaxShingleLength || h < kMinHashCount ||
      h > kMaxHashCount || in.size() != kHeaderBytes + 4 * h) {
    return bad();
  }
  s.shingle_count_ = static_cast<std::uint32_t>(GetLe(in, 4, 4));
  s.values_.resize(h);
  for (std::size_t i = 0; i < h; ++i) {
    s.values_[i] = static_cast<std::uint32_t>(GetLe(in, kHeaderBytes + 4 * i, 4));
  }
  return s;
}

double RepeatSignature::Similarity(const RepeatSignature& o) const {
  if (shingle_length_ != o.shingle_length_ || values_.size() != o.values_.size() ||
      values_.empty() || shingle_count_ == 0 || o.shingle_count_ == 0) {
    return 0;
  }
  std::size_t equal = 0;
  for (std::size_t i = 0; i < values_.size(); ++i) equal += values_[i] == o.values_[i];
  return static_cast<double>(equal) / static_cast<double>(values_.size());
}

// ---- the person rule ----

double FactWeightAlone(const RepeatParams& p, std::size_t indexed) {
  return std::max(p.fact_min_weight,
                  std::log2(static_cast<double>(indexed) + 1) + p.fact_margin_alone);
}

bool RepeatAccepted(const RepeatParams& p, const RepeatMatch& m, const std::vector<std::string>& a,
                    const std::vector<std::string>& b) {
  if (m.similarity >= RepeatBar(p, a, b)) return true;
  if (m.shared_facts.empty()) return false;
  // Weights are sums of logarithms: a pair exactly at a bar is not lost to rounding.
  constexpr double kSlack = 1e-9;
  if (a.empty() || b.empty()) {
    return m.fact_similarity >= p.fact_threshold_alone - kSlack &&
           m.fact_surprise >= p.fact_margin_alone - kSlack &&
           m.fact_weight >= p.fact_min_weight - kSlack;
  }
  if (Intersection(a, b).empty()) return false;
  return m.fact_similarity >= p.fact_threshold - kSlack &&
         m.fact_weight >= p.fact_min_weight - kSlack;
}

double RepeatBar(const RepeatParams& p, const std::vector<std::string>& a,
                 const std::vector<std::string>& b) {
  if (a.empty() || b.empty()) return p.threshold;
  if (!Intersection(a, b).empty()) return p.threshold - p.shared_person_bonus;
  return p.threshold + p.different_person_penalty;
}

// ---- RepeatIndex ----

Result<RepeatIndex> RepeatIndex::Create(const RepeatParams& params) {
  XUNCHA_TRY(ValidateRepeatParams(params));
  return RepeatIndex(params);
}

std::uint64_t RepeatIndex::BandKey(const RepeatSignature& s, int band) const {
  std::uint64_t h = Mix64(static_cast<std::uint64_t>(band) + 0x9e3779b97f4a7c15ULL);
  const std::uint32_t* v = s.values().data() + static_cast<std::size_t>(band) * params_.rows;
  for (int r = 0; r < params_.rows; ++r) h = Mix64(h ^ v[r]);
  return h;
}

Status RepeatIndex::Add(ReportId report, const RepeatSignature& signature,
                        std::vector<std::string> persons, const std::vector<std::string>& facts) {
  if (slot_of_.count(report) != 0) {
    return Error::Make(ErrorCode::kAlreadyExists, "report already in the repeat index");
  }
  if (signature.shingle_length() != params_.shingle_length ||
      signature.values().size() != static_cast<std::size_t>(params_.hash_count)) {
    return InvalidArgument("repeat signature made with other parameters", "bad_repeat_signature");
  }
  SortUnique(persons);
  std::uint32_t slot = 0;
  if (free_.empty()) {
    slot = static_cast<std::uint32_t>(slots_.size());
    slots_.push_back({report, signature, std::move(persons)});
    next_.resize(next_.size() + static_cast<std::size_t>(params_.bands), kNone);
  } else {
    slot = free_.back();
    free_.pop_back();
    slots_[slot] = {report, signature, std::move(persons)};
  }
  slot_of_.emplace(report, slot);
  for (const std::string& person : slots_[slot].persons) by_person_[person].push_back(report);
  if (!facts.empty()) facts_.Add(report, facts);
  if (signature.shingle_count() < static_cast<std::uint32_t>(params_.min_shingles)) return Ok();
  for (int band = 0; band < params_.bands; ++band) {
    auto [it, inserted] = head_.try_emplace(BandKey(signature, band), slot);
    next_[static_cast<std::size_t>(slot) * params_.bands + band] = inserted ? kNone : it->second;
    it->second = slot;
  }
  return Ok();
}

bool RepeatIndex::Remove(ReportId report) {
  const auto found = slot_of_.find(report);
  if (found == slot_of_.end()) return false;
  const std::uint32_t slot = found->second;
  slot_of_.erase(found);
  facts_.Remove(report);
  Slot& s = slots_[slot];
  for (const std::string& person : s.persons) {
    auto it = by_person_.find(person);
    if (it == by_person_.end()) continue;
    std::erase(it->second, report);
    if (it->second.empty()) by_person_.erase(it);
  }
  if (s.signature.shingle_count() >= static_cast<std::uint32_t>(params_.min_shingles)) {
    for (int band = 0; band < params_.bands; ++band) {
      const auto it = head_.find(BandKey(s.signature, band));
      if (it == head_.end()) continue;  // cannot happen: Add put it there
      const std::size_t mine = static_cast<std::size_t>(slot) * params_.bands + band;
      if (it->second == slot) {
        if (next_[mine] == kNone) {
          head_.erase(it);
        } else {
          it->second = next_[mine];
        }
      } else {
        for (std::uint32_t at = it->second; at != kNone;) {
          std::uint32_t& link = next_[static_cast<std::size_t>(at) * params_.bands + band];
          if (link == slot) {
            link = next_[mine];
            break;
          }
          at = link;
        }
      }
      next_[mine] = kNone;
    }
  }
  s = Slot{};
  free_.push_back(slot);
  return true;
}

std::vector<ReportId> RepeatIndex::Candidates(const RepeatSignature& signature) const {
  std::vector<ReportId> out;
  if (signature.shingle_length() != params_.shingle_length ||
      signature.values().size() != static_cast<std::size_t>(params_.hash_count) ||
      signature.shingle_count() < static_cast<std::uint32_t>(params_.min_shingles)) {
    return out;
  }
  std::vector<std::uint32_t> found;
  for (int band = 0; band < params_.bands; ++band) {
    const auto it = head_.find(BandKey(signature, band));
    if (it == head_.end()) continue;
    for (std::uint32_t at = it->second; at != kNone;
         at = next_[static_cast<std::size_t>(at) * params_.bands + band]) {
      found.push_back(at);
    }
  }
  std::sort(found.begin(), found.end());
  found.erase(std::unique(found.begin(), found.end()), found.end());
  out.reserve(found.size());
  for (const std::uint32_t slot : found) out.push_back(slots_[slot].report);
  std::sort(out.begin(), out.end());
  return out;
}

std::vector<RepeatMatch> RepeatIndex::Find(const RepeatSignature& signature,
                                           std::vector<std::string> persons, ReportId self,
                                           const std::vector<std::string>& facts) const {
  SortUnique(persons);
  std::unordered_map<ReportId, RepeatMatch> found;
  const auto match_of = [&](ReportId id, const Slot& other) -> RepeatMatch& {
    auto [it, inserted] = found.try_emplace(id);
    RepeatMatch& m = it->second;
    if (inserted) {
      m.report = id;
      m.similarity = signature.Similarity(other.signature);
      m.shared_persons = Intersection(persons, other.persons);
    }
    return m;
  };
  for (const ReportId id : Candidates(signature)) {
    if (id == self) continue;
    match_of(id, slots_[slot_of_.at(id)]);
  }
  const double log_n = std::log2(static_cast<double>(facts_.size()) + 1);
  const auto take = [&](std::vector<FactHit> hits) {
    for (FactHit& h : hits) {
      RepeatMatch& m = match_of(h.report, slots_[slot_of_.at(h.report)]);
      m.fact_similarity = h.similarity;
      m.fact_weight = h.shared_weight;
      m.fact_surprise = h.shared_weight - log_n;
      m.shared_facts = std::move(h.shared);
    }
  };
  if (!facts.empty()) {
    // Any report, at the bars for a side naming nobody (a candidate naming other persons than
    // the query is never a repeat by its facts) ...
    take(facts_.Find(facts, self, params_.fact_threshold_alone,
                     FactWeightAlone(params_, facts_.size())));
    // ... and the reports naming a person the query names, at the lower bars.
    if (!persons.empty()) {
      // The persons named in fewest reports first (the most telling), within the cap.
      std::vector<const std::vector<ReportId>*> lists;
      for (const std::string& person : persons) {
        if (auto it = by_person_.find(person); it != by_person_.end()) lists.push_back(&it->second);
      }
      std::sort(lists.begin(), lists.end(),
                [](const auto* x, const auto* y) { return x->size() < y->size(); });
      std::vector<ReportId> sharing;
      for (const auto* list : lists) {
        const std::size_t room =
            kMaxPersonCandidates - std::min(kMaxPersonCandidates, sharing.size());
        sharing.insert(sharing.end(), list->begin(),
                       list->begin() + static_cast<std::ptrdiff_t>(std::min(room, list->size())));
        std::sort(sharing.begin(), sharing.end());
        sharing.erase(std::unique(sharing.begin(), sharing.end()), sharing.end());
      }
      take(facts_.Compare(facts, self, sharing, params_.fact_threshold, params_.fact_min_weight));
    }
  }
  std::vector<RepeatMatch> out;
  for (auto& [id, m] : found) {
    const Slot& other = slots_[slot_of_.at(id)];
    if (!RepeatAccepted(params_, m, persons, other.persons)) continue;
    const bool both_named = !persons.empty() && !other.persons.empty();
    if (m.similarity >= RepeatBar(params_, persons, other.persons)) {
      if (!m.shared_persons.empty()) {
        m.basis = RepeatBasis::kTextAndSharedPerson;
      } else if (both_named) {
        m.basis = RepeatBasis::kTextDifferentPersons;
      }
      m.reason = Reason(m.similarity, m.basis, m.shared_persons);
    } else {
      m.basis = m.shared_persons.empty() ? RepeatBasis::kFacts : RepeatBasis::kFactsAndSharedPerson;
      m.reason = FactReason(m);
    }
    out.push_back(std::move(m));
  }
  std::sort(out.begin(), out.end(), [](const RepeatMatch& x, const RepeatMatch& y) {
    return x.similarity != y.similarity ? x.similarity > y.similarity : x.report < y.report;
  });
  return out;
}

// ---- RepeatGroups ----

std::pair<ReportId, ReportId> RepeatGroups::Ordered(ReportId a, ReportId b) {
  return a < b ? std::pair{a, b} : std::pair{b, a};
}

RepeatGroups::LinkOutcome RepeatGroups::Connect(ReportId a, ReportId b, double similarity,
                                                LinkOrigin origin) {
  if (a == b) return LinkOutcome::kRefusedSelf;
  const auto key = Ordered(a, b);
  if (origin == LinkOrigin::kAutomatic && split_.count(key) != 0) {
    return LinkOutcome::kRefusedSplit;
  }
  split_.erase(key);  // a staff link overrides an earlier split
  const Link link{key.first, key.second, similarity, origin};
  auto [it, inserted] = links_.insert_or_assign(key, link);
  (void)it;
  adjacent_[a].insert(b);
  adjacent_[b].insert(a);
  return inserted ? LinkOutcome::kLinked : LinkOutcome::kUpdated;
}

void RepeatGroups::Split(ReportId a, ReportId b) {
  if (a == b) return;
  const auto key = Ordered(a, b);
  split_.insert(key);
  if (links_.erase(key) == 0) return;
  for (const auto& [x, y] : {std::pair{a, b}, std::pair{b, a}}) {
    auto it = adjacent_.find(x);
    it->second.erase(y);
    if (it->second.empty()) adjacent_.erase(it);
  }
}

bool RepeatGroups::IsSplit(ReportId a, ReportId b) const {
  return split_.count(Ordered(a, b)) != 0;
}

void RepeatGroups::RemoveReport(ReportId report) {
  const auto it = adjacent_.find(report);
  if (it == adjacent_.end()) return;
  const std::set<ReportId> neighbours = std::move(it->second);
  adjacent_.erase(it);
  for (const ReportId n : neighbours) {
    links_.erase(Ordered(report, n));
    auto nit = adjacent_.find(n);
    nit->second.erase(report);
    if (nit->second.empty()) adjacent_.erase(nit);
  }
}

std::vector<ReportId> RepeatGroups::Members(ReportId report) const {
  std::set<ReportId> seen{report};
  std::deque<ReportId> todo{report};
  while (!todo.empty()) {
    const ReportId at = todo.front();
    todo.pop_front();
    const auto it = adjacent_.find(at);
    if (it == adjacent_.end()) continue;
    for (const ReportId n : it->second) {
      if (seen.insert(n).second) todo.push_back(n);
    }
  }
  return {seen.begin(), seen.end()};
}

ReportId RepeatGroups::GroupId(ReportId report) const { return Members(report).front(); }

std::vector<std::vector<ReportId>> RepeatGroups::Groups() const {
  std::vector<std::vector<ReportId>> out;
  std::set<ReportId> done;
  // adjacent_ is ordered, so each group is met first at its smallest member: its id.
  for (const auto& [report, neighbours] : adjacent_) {
    (void)neighbours;
    if (done.count(report) != 0) continue;
    std::vector<ReportId> members = Members(report);
    done.insert(members.begin(), members.end());
    out.push_back(std::move(members));
  }
  return out;
}

std::vector<RepeatGroups::Link> RepeatGroups::Links() const {
  std::vector<Link> out;
  out.reserve(links_.size());
  for (const auto& [key, link] : links_) out.push_back(link);
  return out;
}

}  // namespace xuncha
