#include "domain/person_match.h"

#include <algorithm>
#include <map>
#include <optional>
#include <set>
#include <tuple>
#include <unordered_map>
#include <utility>

namespace xuncha {
namespace {

// The confidence table of docs/persons.md.
constexpr double kExactNamed = 0.98;
constexpr double kExactText = 0.95;
constexpr double kPinyinNamed = 0.85;
constexpr double kPinyinText = 0.80;
constexpr double kSurnamePostSameRank = 0.70;
constexpr double kSurnamePostOtherRank = 0.45;        // 张局长 for 副局长 张, or the reverse
constexpr double kSurnamePostOtherRankBeside = 0.20;  // ... while another 张 is 局长
constexpr double kPostAlone = 0.40;

// Titles a reporter puts after a surname or uses alone. Longer first where one ends another, so
// that 总经理 is read before 经理.
constexpr std::string_view kTitles[] = {
    "总经理", "董事长", "检察长", "秘书长", "书记", "局长", "主任", "处长", "科长",
    "部长",   "主席",   "院长",   "所长",   "站长", "队长", "校长", "行长", "经理",
    "组长",   "庭长",   "馆长",   "社长",   "会长", "镇长", "乡长", "区长", "县长"};
constexpr std::string_view kSecretary = "书记";
// Titles of a unit's head, in the order tried for 一把手 when the unit has no secretary.
constexpr std::string_view kHeadTitles[] = {
    "局长", "主任", "院长", "检察长", "所长", "站长", "队长", "校长", "行长", "董事长", "总经理",
    "部长", "主席", "馆长", "社长",   "会长", "庭长", "镇长", "乡长", "区长", "县长"};
constexpr std::string_view kDeputy = "副";
constexpr std::string_view kSomebody = "某";  // 张某, 张某某: a surname with the name withheld

// Phrases that mean the unit's top leader.
constexpr std::string_view kTopPhrases[] = {"一把手", "主要负责人", "主要领导"};

// Compound surnames: 欧阳局长 is 欧阳, not 阳. Roster names starting with one of these have it as
// their surname.
constexpr std::string_view kCompoundSurnames[] = {
    "欧阳", "司马", "诸葛", "上官", "东方", "皇甫", "尉迟", "公孙", "慕容", "长孙",
    "令狐", "夏侯", "司徒", "宇文", "轩辕", "端木", "独孤", "南宫", "西门", "呼延",
    "澹台", "公冶", "申屠", "太史", "钟离", "百里", "万俟", "闻人", "第五", "东郭"};

// Characters that, before a title, make it a title alone (我们书记, 该局局长, 现任局长, 党组书记).
constexpr std::string_view kContextChars[] = {
    "的", "们", "该", "本", "原", "前", "现", "新", "老", "其", "位", "个", "那",
    "这", "任", "局", "委", "组", "院", "所", "站", "部", "办", "室", "队", "校",
    "厂", "司", "会", "心", "处", "科", "给", "找", "向", "对", "跟", "与", "及",
    "被", "让", "把", "是", "说", "称", "到", "过", "和", "级", "党"};

// A title after these is the city's or the province's, not the unit's: 市委书记, 省委副书记.
constexpr std::string_view kHigherOrgs[] = {"市委", "省委", "市纪委", "省纪委", "中央"};

// 任 is a surname and the verb "serve as": 现任局长, 曾任局长, 张某任局长期间. After these
// characters it is the verb.
constexpr std::string_view kServeAs = "任";
constexpr std::string_view kBeforeServeAs[] = {"前", "现", "新", "继", "接", "升", "担", "首",
                                               "历", "曾", "调", "兼", "出", "时", "原", "某",
                                               "上", "后", "留", "改", "在", "转", "连", "再"};

// A title followed by these is part of another word: 监管局长期 is 局 + 长期, 主任务, 书记录.
struct Continuation {
  std::string_view title_end;  // the title's last character
  std::string_view next;       // the character after the title
  std::string_view unless;     // ... unless followed by this (局长期间 is a title)
};
constexpr Continuation kContinuations[] = {{"长", "期", "间"}, {"长", "远", ""}, {"长", "效", ""},
                                           {"长", "久", ""},   {"长", "度", ""}, {"长", "达", ""},
                                           {"任", "务", ""},   {"记", "录", ""}, {"记", "载", ""}};

struct Char {
  std::string_view s;  // its bytes
  char32_t c = 0;
};

// UTF-8 to code points; a malformed byte becomes its own U+FFFD, which matches nothing.
std::vector<Char> Decode(std::string_view s) {
  std::vector<Char> out;
  std::size_t i = 0;
  while (i < s.size()) {
    const auto b = static_cast<unsigned char>(s[i]);
    std::size_t n = b < 0x80           ? 1
                    : (b >> 5) == 0x6  ? 2
                    : (b >> 4) == 0xE  ? 3
                    : (b >> 3) == 0x1E ? 4
                                       : 0;
    char32_t c = 0xFFFD;
    if (n == 1) {
      c = b;
    } else if (n == 0 || i + n > s.size()) {
      n = 1;
    } else {
      c = b & (0x7Fu >> n);
      for (std::size_t k = 1; k < n; ++k) {
        const auto cb = static_cast<unsigned char>(s[i + k]);
        if ((cb & 0xC0) != 0x80) {
          n = 1;
          c = 0xFFFD;
          break;
        }
        c = (c << 6) | (cb & 0x3Fu);
      }
    }
    out.push_back({s.substr(i, n), c});
    i += n;
  }
  return out;
}

bool IsHan(char32_t c) {
  return (c >= 0x4E00 && c <= 0x9FFF) || (c >= 0x3400 && c <= 0x4DBF) ||
         (c >= 0xF900 && c <= 0xFAFF) || (c >= 0x20000 && c <= 0x3134F);
}

template <std::size_t N>
bool In(const std::string_view (&list)[N], std::string_view s) {
  return std::find(std::begin(list), std::end(list), s) != std::end(list);
}

bool EndsWith(std::string_view s, std::string_view suffix) {
  return s.size() >= suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}

// The text of chars [i, j).
std::string Slice(const std::vector<Char>& cs, std::size_t i, std::size_t j) {
  std::string out;
  for (std::size_t k = i; k < j; ++k) out += cs[k].s;
  return out;
}

bool MatchesAt(const std::vector<Char>& cs, std::size_t i, std::string_view word) {
  for (std::size_t k = i; k < cs.size() && !word.empty(); ++k) {
    if (word.substr(0, cs[k].s.size()) != cs[k].s) return false;
    word.remove_prefix(cs[k].s.size());
  }
  return word.empty();
}

std::size_t CharCount(std::string_view s) { return Decode(s).size(); }

// The parts of a post: 党组书记、局长 → 党组书记, 局长.
std::vector<std::string> PostParts(std::string_view post) {
  std::vector<std::string> parts;
  std::string cur;
  for (const Char& ch : Decode(post)) {
    if (ch.s == "、" || ch.s == "," || ch.s == ";" || ch.s == "/" || ch.s == " " || ch.s == "兼") {
      if (!cur.empty()) parts.push_back(std::move(cur));
      cur.clear();
    } else {
      cur += ch.s;
    }
  }
  if (!cur.empty()) parts.push_back(std::move(cur));
  return parts;
}

enum class Rank { kNone, kSame, kOther };

// How a leader's post holds `title` (副 when `deputy`): kSame when a part ends with the title at
// the same rank, kOther when only at the other rank (局长 asked, 副局长 held), kNone otherwise.
Rank PostRank(const std::vector<std::string>& parts, std::string_view title, bool deputy) {
  Rank best = Rank::kNone;
  for (const auto& part : parts) {
    if (!EndsWith(part, title)) continue;
    const bool part_deputy = part.find(kDeputy) != std::string::npos;
    if (part_deputy == deputy) return Rank::kSame;
    best = Rank::kOther;
  }
  return best;
}

struct RosterEntry {
  std::vector<Char> name;
  std::string surname;
  std::vector<std::string> post_parts;
  bool all_han = false;
  std::size_t namesakes = 1;  // roster persons with this very name
};

struct Hit {
  std::size_t leader = 0;  // index into the roster
  MatchEvidence ev;
};

struct Span {
  std::size_t begin = 0, end = 0;  // chars [begin, end)
};

class Matcher {
 public:
  Matcher(const std::vector<Leader>& roster, const PinyinFn& pinyin)
      : roster_(roster), pinyin_(pinyin) {
    std::map<std::string, std::size_t> counts;
    for (const Leader& l : roster) ++counts[l.name];
    for (const Leader& l : roster) {
      RosterEntry e;
      e.name = Decode(l.name);
      e.all_han = !e.name.empty() && std::all_of(e.name.begin(), e.name.end(),
                                                 [](const Char& c) { return IsHan(c.c); });
      const bool compound = e.name.size() >= 3 && (In(kCompoundSurnames, Slice(e.name, 0, 2)));
      if (!e.name.empty()) e.surname = Slice(e.name, 0, compound ? 2 : 1);
      e.post_parts = PostParts(l.post);
      e.namesakes = counts[l.name];
      entries_.push_back(std::move(e));
    }
  }

  // Exact names and same-pinyin windows in `cs`; their spans go to `spans`.
  void FindNames(const std::vector<Char>& cs, bool named, std::vector<Hit>& hits,
                 std::vector<Span>& spans) {
    std::vector<std::pair<Span, std::size_t>> exact;
    for (std::size_t l = 0; l < entries_.size(); ++l) {
      const auto& name = entries_[l].name;
      if (name.size() < 2) continue;  // one character would match everywhere
      for (std::size_t i = 0; i + name.size() <= cs.size(); ++i) {
        if (MatchesAt(cs, i, roster_[l].name)) exact.push_back({{i, i + name.size()}, l});
      }
    }
    // 王伟 inside 王伟明, when both are on the roster, is 王伟明.
    for (const auto& hit : exact) {
      const Span span = hit.first;
      const std::size_t l = hit.second;
      const bool inside_longer = std::any_of(exact.begin(), exact.end(), [&](const auto& o) {
        return o.first.begin <= span.begin && o.first.end >= span.end &&
               o.first.end - o.first.begin > span.end - span.begin;
      });
      if (inside_longer) continue;
      const double base = named ? kExactNamed : kExactText;
      hits.push_back({l,
                      {MatchKind::kExactName, Slice(cs, span.begin, span.end),
                       base / static_cast<double>(entries_[l].namesakes), named}});
      spans.push_back(span);
    }
    const std::vector<Span> exact_spans = spans;
    std::vector<const std::string*> sounds;  // of each Han character of `cs`, else null
    for (const Char& c : cs) sounds.push_back(IsHan(c.c) ? &Sound(c.s) : nullptr);
    for (std::size_t l = 0; l < entries_.size(); ++l) {
      FindSameSound(cs, sounds, l, named, exact_spans, hits, spans);
    }
  }

  // Title occurrences in free text: surname + post, or post alone.
  void FindTitles(const std::vector<Char>& cs, const std::vector<Span>& name_spans,
                  std::vector<Hit>& hits) {
    for (const TitleAt& t : Titles(cs)) {
      const std::size_t p = t.prefix;
      if (AfterHigherOrg(cs, p)) continue;
      std::size_t q = p;  // before 某 / 某某
      while (q > 0 && cs[q - 1].s == kSomebody && p - q < 2) --q;
      const bool covered =
          q > 0 && std::any_of(name_spans.begin(), name_spans.end(),
                               [&](const Span& s) { return s.begin < q && q - 1 < s.end; });
      if (covered) continue;  // 王胜弘局长: the name has matched
      std::optional<std::string> surname = SurnameBefore(cs, q);
      if (surname && q == p && !HasSurname(*surname) && IsContext(cs, q)) surname.reset();
      if (surname) {
        SurnamePost(*surname, t.title, t.deputy, Slice(cs, q - CharCount(*surname), t.end), false,
                    hits);
      } else if (!t.deputy && q == p) {
        PostAlone(t.title, Slice(cs, EvidenceStart(cs, p), t.end), false, hits);
      }
    }
    for (std::string_view phrase : kTopPhrases) {
      for (std::size_t i = 0; i < cs.size(); ++i) {
        if (MatchesAt(cs, i, phrase)) PostAlone({}, std::string(phrase), false, hits);
      }
    }
  }

  // A person the reporter named: his name, and with a withheld name (张某) his post.
  void FindNamedPerson(const ReportedPerson& p, std::vector<Hit>& hits) {
    const auto name = Decode(p.name);
    std::vector<Span> spans;
    FindNames(name, true, hits, spans);
    const auto post = Decode(p.post);
    if (name.empty()) {
      for (const TitleAt& t : Titles(post)) {
        if (!t.deputy) PostAlone(t.title, Slice(post, t.prefix, t.end), true, hits);
      }
      for (std::string_view phrase : kTopPhrases) {
        if (p.post.find(phrase) != std::string::npos) {
          PostAlone({}, std::string(phrase), true, hits);
        }
      }
      return;
    }
    std::size_t n = name.size();
    while (n > 0 && name[n - 1].s == kSomebody) --n;
    const std::string surname = Slice(name, 0, n);
    const bool surname_only =
        n == 1 ? IsHan(name[0].c) : (n == 2 && In(kCompoundSurnames, surname));
    if (!surname_only) return;
    for (const TitleAt& t : Titles(post)) {
      SurnamePost(surname, t.title, t.deputy, p.name + Slice(post, t.prefix, t.end), true, hits);
    }
  }

 private:
  struct TitleAt {
    std::size_t prefix = 0;  // where 副 or the title starts
    std::size_t end = 0;
    std::string_view title;  // without 副
    bool deputy = false;
  };

  std::vector<TitleAt> Titles(const std::vector<Char>& cs) const {
    std::vector<TitleAt> out;
    for (std::size_t i = 0; i < cs.size(); ++i) {
      for (std::string_view title : kTitles) {
        if (!MatchesAt(cs, i, title)) continue;
        const std::size_t end = i + CharCount(title);
        if (!PartOfAnotherWord(cs, end)) {
          const bool deputy = i > 0 && cs[i - 1].s == kDeputy;
          out.push_back({deputy ? i - 1 : i, end, title, deputy});
        }
        i = end - 1;
        break;
      }
    }
    return out;
  }

  static bool PartOfAnotherWord(const std::vector<Char>& cs, std::size_t end) {
    if (end >= cs.size()) return false;
    for (const Continuation& c : kContinuations) {
      if (cs[end - 1].s != c.title_end || cs[end].s != c.next) continue;
      if (!c.unless.empty() && end + 1 < cs.size() && cs[end + 1].s == c.unless) return false;
      return true;
    }
    return false;
  }

  static bool AfterHigherOrg(const std::vector<Char>& cs, std::size_t p) {
    return std::any_of(std::begin(kHigherOrgs), std::end(kHigherOrgs), [&](std::string_view org) {
      const std::size_t n = CharCount(org);
      return p >= n && MatchesAt(cs, p - n, org);
    });
  }

  // The surname right before chars[q]: a compound surname, else one Han character.
  std::optional<std::string> SurnameBefore(const std::vector<Char>& cs, std::size_t q) const {
    if (q >= 2) {
      const std::string two = Slice(cs, q - 2, q);
      if (In(kCompoundSurnames, two) || HasSurname(two)) return two;
    }
    if (q == 0 || !IsHan(cs[q - 1].c)) return std::nullopt;
    if (cs[q - 1].s == kServeAs && q >= 2 &&
        (In(kBeforeServeAs, cs[q - 2].s) || !IsHan(cs[q - 2].c))) {
      return std::nullopt;
    }
    return std::string(cs[q - 1].s);
  }

  bool HasSurname(std::string_view s) const {
    return std::any_of(entries_.begin(), entries_.end(),
                       [&](const RosterEntry& e) { return e.surname == s; });
  }

  static bool IsContext(const std::vector<Char>& cs, std::size_t q) {
    return q == 0 || !IsHan(cs[q - 1].c) || In(kContextChars, cs[q - 1].s);
  }

  // 党组书记, 党委书记: the evidence includes 党组 / 党委.
  static std::size_t EvidenceStart(const std::vector<Char>& cs, std::size_t p) {
    if (p >= 2) {
      const std::string two = Slice(cs, p - 2, p);
      if (two == "党组" || two == "党委") return p - 2;
    }
    return p;
  }

  void SurnamePost(const std::string& surname, std::string_view title, bool deputy,
                   const std::string& evidence, bool named, std::vector<Hit>& hits) const {
    std::vector<std::size_t> same, other;
    for (std::size_t l = 0; l < entries_.size(); ++l) {
      if (entries_[l].surname != surname) continue;
      const Rank r = PostRank(entries_[l].post_parts, title, deputy);
      if (r == Rank::kSame) same.push_back(l);
      if (r == Rank::kOther) other.push_back(l);
    }
    for (std::size_t l : same) {
      hits.push_back({l,
                      {MatchKind::kSurnamePost, evidence,
                       kSurnamePostSameRank / static_cast<double>(same.size()), named}});
    }
    const double other_base = same.empty() ? kSurnamePostOtherRank : kSurnamePostOtherRankBeside;
    for (std::size_t l : other) {
      hits.push_back({l,
                      {MatchKind::kSurnamePost, evidence,
                       other_base / static_cast<double>(other.size()), named}});
    }
  }

  // `title` alone (书记, 局长), or the top leader when `title` is empty (一把手). Leadership
  // only: a title alone names the unit's own leaders.
  void PostAlone(std::string_view title, const std::string& evidence, bool named,
                 std::vector<Hit>& hits) const {
    auto holding = [&](std::string_view t) {
      std::vector<std::size_t> out;
      for (std::size_t l = 0; l < entries_.size(); ++l) {
        if (roster_[l].tier != LeaderTier::kLeadership) continue;
        if (PostRank(entries_[l].post_parts, t, false) == Rank::kSame) out.push_back(l);
      }
      return out;
    };
    std::vector<std::size_t> who;
    if (!title.empty()) {
      who = holding(title);
    } else {
      who = holding(kSecretary);
      for (std::string_view t : kHeadTitles) {
        if (!who.empty()) break;
        who = holding(t);
      }
    }
    for (std::size_t l : who) {
      hits.push_back(
          {l,
           {MatchKind::kPostAlone, evidence, kPostAlone / static_cast<double>(who.size()), named}});
    }
  }

  void FindSameSound(const std::vector<Char>& cs, const std::vector<const std::string*>& sounds,
                     std::size_t l, bool named, const std::vector<Span>& exact_spans,
                     std::vector<Hit>& hits, std::vector<Span>& spans) {
    const RosterEntry& e = entries_[l];
    const std::size_t n = e.name.size();
    if (!e.all_han || n < 2 || cs.size() < n) return;
    std::vector<std::string> sound;
    for (const Char& c : e.name) sound.push_back(Sound(c.s));
    if (std::any_of(sound.begin(), sound.end(), [](const auto& s) { return s.empty(); })) return;
    // Pinyin is compared syllable by syllable, each character read on its own on both sides.
    for (std::size_t i = 0; i + n <= cs.size(); ++i) {
      bool same_sound = true, differs = false, shares = false;
      for (std::size_t k = 0; k < n && same_sound; ++k) {
        const Char& c = cs[i + k];
        same_sound = sounds[i + k] != nullptr && *sounds[i + k] == sound[k];
        if (c.s == e.name[k].s) {
          shares = true;
        } else {
          differs = true;
        }
      }
      if (!same_sound || !differs || !shares) continue;
      if (n == 2 && cs[i].s != e.name[0].s) continue;  // 黎明 is not 李明
      const bool overlaps = std::any_of(exact_spans.begin(), exact_spans.end(), [&](const Span& s) {
        return s.begin < i + n && i < s.end;
      });
      if (overlaps) continue;
      hits.push_back({l,
                      {MatchKind::kSamePinyin, Slice(cs, i, i + n),
                       named ? kPinyinNamed : kPinyinText, named}});
      spans.push_back({i, i + n});
    }
  }

  const std::string& Sound(std::string_view ch) {
    auto it = sounds_.find(std::string(ch));
    if (it == sounds_.end()) it = sounds_.emplace(std::string(ch), pinyin_(ch)).first;
    return it->second;
  }

  const std::vector<Leader>& roster_;
  const PinyinFn& pinyin_;
  std::vector<RosterEntry> entries_;
  std::unordered_map<std::string, std::string> sounds_;
};

bool Stronger(const MatchEvidence& a, const MatchEvidence& b) {
  if (a.confidence != b.confidence) return a.confidence > b.confidence;
  return a.kind < b.kind;
}

}  // namespace

std::string_view MatchKindName(MatchKind k) {
  switch (k) {
    case MatchKind::kExactName:
      return "exact_name";
    case MatchKind::kSamePinyin:
      return "same_pinyin";
    case MatchKind::kSurnamePost:
      return "surname_post";
    case MatchKind::kPostAlone:
      return "post_alone";
  }
  return "";
}

PersonMatches MatchPersons(std::string_view text, const std::vector<ReportedPerson>& persons,
                           const std::vector<Leader>& roster, const PinyinFn& pinyin) {
  Matcher m(roster, pinyin);
  PersonMatches out;
  std::vector<Hit> hits;
  for (const ReportedPerson& p : persons) {
    const std::size_t before = hits.size();
    m.FindNamedPerson(p, hits);
    if (hits.size() == before && !p.name.empty()) out.unmatched.push_back(p.name);
  }
  const auto cs = Decode(text);
  std::vector<Span> spans;
  m.FindNames(cs, false, hits, spans);
  m.FindTitles(cs, spans, hits);

  // Fold: one match per person, evidence deduplicated by (kind, text, named).
  std::map<std::size_t, std::vector<MatchEvidence>> by_leader;
  for (Hit& h : hits) by_leader[h.leader].push_back(std::move(h.ev));
  for (auto& [l, evs] : by_leader) {
    std::sort(evs.begin(), evs.end(), Stronger);
    std::set<std::tuple<MatchKind, std::string, bool>> seen;
    PersonMatch pm;
    pm.leader_id = roster[l].id;
    pm.tier = roster[l].tier;
    for (MatchEvidence& ev : evs) {
      if (!seen.insert({ev.kind, ev.text, ev.named}).second) continue;
      if (seen.size() == 1) {
        pm.best = std::move(ev);
      } else {
        pm.others.push_back(std::move(ev));
      }
    }
    out.matches.push_back(std::move(pm));
  }
  std::sort(out.matches.begin(), out.matches.end(), [](const auto& a, const auto& b) {
    if (a.best.confidence != b.best.confidence) return a.best.confidence > b.best.confidence;
    return a.leader_id < b.leader_id;
  });
  return out;
}

}  // namespace xuncha
