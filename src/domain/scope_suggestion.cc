#include "domain/scope_suggestion.h"

#include <algorithm>
#include <array>
#include <utility>

namespace xuncha {
namespace {

// Confidences of docs/persons.md ("Scope").
constexpr double kAboveAlone = 0.80;   // above-level cues, no roster person matched
constexpr double kAboveBeside = 0.60;  // ... and a roster person too
constexpr double kPersonDiscipline = 0.85;
constexpr double kPersonDisciplineTransferCue = 0.65;
constexpr double kPersonOnly = 0.55;
constexpr double kPersonTransferCue = 0.50;  // a roster person, no discipline, transfer cues
constexpr double kTransferAlone = 0.75;
constexpr double kTransferDiscipline = 0.50;
constexpr double kLeaderPostDiscipline = 0.70;
constexpr double kKeyPostDiscipline = 0.60;
constexpr double kDisciplineOnly = 0.45;
constexpr double kLeaderPostOnly = 0.40;
constexpr double kKeyPostOnly = 0.35;

struct Found {
  std::size_t at = 0;
  ScopeCue cue;
};

// Occurrences of `phrases` in `text` outside the spans of `not_cues`, one per phrase (its first).
void FindCues(std::string_view text, const std::vector<std::string>& phrases, CueKind kind,
              const std::vector<std::pair<std::size_t, std::size_t>>& excluded,
              std::vector<Found>& out) {
  for (const std::string& phrase : phrases) {
    if (phrase.empty()) continue;
    for (std::size_t at = text.find(phrase); at != std::string_view::npos;
         at = text.find(phrase, at + 1)) {
      const bool inside = std::any_of(excluded.begin(), excluded.end(), [&](const auto& e) {
        return e.first <= at && at + phrase.size() <= e.second;
      });
      if (inside) continue;
      out.push_back({at, {kind, phrase}});
      break;
    }
  }
}

}  // namespace

std::string_view ScopeKindName(ScopeKind k) {
  switch (k) {
    case ScopeKind::kInScope:
      return "in_scope";
    case ScopeKind::kTransfer:
      return "transfer";
    case ScopeKind::kAboveLevel:
      return "above_level";
    case ScopeKind::kUnclear:
      return "unclear";
  }
  return "";
}

std::string_view TransferKindName(TransferKind k) {
  switch (k) {
    case TransferKind::kNone:
      return "none";
    case TransferKind::kPersonalClaim:
      return "personal_claim";
    case TransferKind::kLegal:
      return "legal";
    case TransferKind::kOtherOrgan:
      return "other_organ";
  }
  return "";
}

std::string_view CueKindName(CueKind k) {
  switch (k) {
    case CueKind::kLeader:
      return "leader";
    case CueKind::kLeaderPost:
      return "leader_post";
    case CueKind::kKeyPost:
      return "key_post";
    case CueKind::kPersonalClaim:
      return "personal_claim";
    case CueKind::kLegal:
      return "legal";
    case CueKind::kOtherOrgan:
      return "other_organ";
    case CueKind::kAboveLevel:
      return "above_level";
  }
  return "";
}

const ScopeCues& DefaultScopeCues() {
  static const ScopeCues cues{
      // 领导职务: the leadership team named by its post, without a roster match.
      .leader_posts = {"一把手", "主要领导", "主要负责人", "班子成员", "领导班子", "党组书记",
                       "党委书记", "书记", "副书记", "局长", "副局长", "主任", "副主任", "院长",
                       "副院长", "处长", "副处长", "总经理", "副总经理"},
      // 关键岗位: where money, contracts, approvals and personnel are decided.
      .key_posts = {"财务", "会计", "出纳", "采购", "招投标", "招标", "审批", "人事", "执法",
                    "项目负责人", "工程项目", "物资", "科长", "站长", "队长", "中层干部"},
      // 个人诉求: the reporter's own wages, debts, family and neighbours.
      .personal_claims = {"拖欠我",   "欠我",       "我的工资", "欠薪",     "讨薪",     "拖欠工资",
                          "工资拖欠", "邻居",       "邻里",     "家庭矛盾", "家庭纠纷", "婚姻",
                          "离婚",     "赡养",       "抚养",     "遗产",     "彩礼",     "借钱不还",
                          "欠款不还", "宅基地纠纷", "物业",     "房屋漏水"},
      // 涉法涉诉: matters before a court or an arbitrator.
      .legal = {"法院", "判决", "裁定", "起诉", "诉讼", "仲裁", "上诉", "再审", "开庭", "官司",
                "律师", "强制执行"},
      // Another organ's matter: police, traffic, consumer disputes.
      .other_organs = {"报警", "派出所", "交警", "违章", "罚单", "扣分", "交通事故", "刑事案件",
                       "诈骗", "消费纠纷", "退款"},
      // Cadres the city committee does not manage (市委管理以上).
      .above_level = {"市委书记", "市委副书记", "市委常委", "市长", "副市长", "市人大常委会主任",
                      "市政协主席", "市纪委书记", "市监委主任", "省委", "省政府", "省长", "副省长",
                      "省管干部", "中管干部"},
      // Phrases that hold a cue without meaning it.
      .not_cues = {"市长热线", "市长信箱", "市长公开电话", "市长专线", "省长信箱", "超市长",
                   "城市长", "都市长"},
  };
  return cues;
}

ScopeSuggestion SuggestScope(std::string_view text, const PersonMatches& matches, int disciplines,
                             const ScopeCues& cues, const ScopeOptions& options) {
  std::vector<std::pair<std::size_t, std::size_t>> excluded;
  for (const std::string& n : cues.not_cues) {
    if (n.empty()) continue;
    for (std::size_t at = text.find(n); at != std::string_view::npos; at = text.find(n, at + 1)) {
      excluded.push_back({at, at + n.size()});
    }
  }
  std::vector<Found> found;
  FindCues(text, cues.above_level, CueKind::kAboveLevel, excluded, found);
  FindCues(text, cues.personal_claims, CueKind::kPersonalClaim, excluded, found);
  FindCues(text, cues.legal, CueKind::kLegal, excluded, found);
  FindCues(text, cues.other_organs, CueKind::kOtherOrgan, excluded, found);
  FindCues(text, cues.key_posts, CueKind::kKeyPost, excluded, found);
  FindCues(text, cues.leader_posts, CueKind::kLeaderPost, excluded, found);
  // A shorter cue inside a longer one of the same kind (市长 in 副市长) adds nothing.
  std::erase_if(found, [&](const Found& f) {
    return std::any_of(found.begin(), found.end(), [&](const Found& o) {
      return o.cue.kind == f.cue.kind && o.cue.phrase.size() > f.cue.phrase.size() &&
             o.at <= f.at && f.at + f.cue.phrase.size() <= o.at + o.cue.phrase.size();
    });
  });
  std::stable_sort(found.begin(), found.end(),
                   [](const Found& a, const Found& b) { return a.at < b.at; });

  std::vector<ScopeCue> persons;
  for (const PersonMatch& m : matches.matches) {
    if (m.best.confidence >= options.min_person_confidence) {
      persons.push_back({CueKind::kLeader, m.best.text});
    }
  }
  auto of = [&](std::initializer_list<CueKind> kinds) {
    std::vector<ScopeCue> out;
    for (const Found& f : found) {
      if (std::find(kinds.begin(), kinds.end(), f.cue.kind) != kinds.end()) out.push_back(f.cue);
    }
    return out;
  };
  const auto above = of({CueKind::kAboveLevel});
  const auto transfer = of({CueKind::kPersonalClaim, CueKind::kLegal, CueKind::kOtherOrgan});
  const auto key_posts = of({CueKind::kKeyPost});
  const auto leader_posts = of({CueKind::kLeaderPost});

  ScopeSuggestion s;
  auto add = [&](const std::vector<ScopeCue>& v) {
    s.cues.insert(s.cues.end(), v.begin(), v.end());
  };
  auto transfer_kind = [&] {
    std::array<std::pair<int, TransferKind>, 3> n{{{0, TransferKind::kPersonalClaim},
                                                   {0, TransferKind::kLegal},
                                                   {0, TransferKind::kOtherOrgan}}};
    for (const ScopeCue& c : transfer) {
      if (c.kind == CueKind::kPersonalClaim) ++n[0].first;
      if (c.kind == CueKind::kLegal) ++n[1].first;
      if (c.kind == CueKind::kOtherOrgan) ++n[2].first;
    }
    return std::max_element(n.begin(), n.end(),
                            [](const auto& a, const auto& b) { return a.first < b.first; })
        ->second;
  };

  if (!above.empty()) {
    s.kind = ScopeKind::kAboveLevel;
    s.confidence = persons.empty() ? kAboveAlone : kAboveBeside;
    add(above);
    add(persons);
  } else if (!persons.empty()) {
    if (disciplines > 0) {
      s.kind = ScopeKind::kInScope;
      s.confidence = transfer.empty() ? kPersonDiscipline : kPersonDisciplineTransferCue;
      add(persons);
      add(key_posts);
      add(transfer);
    } else if (!transfer.empty()) {
      s.kind = ScopeKind::kTransfer;
      s.transfer = transfer_kind();
      s.confidence = kPersonTransferCue;
      add(transfer);
      add(persons);
    } else {
      s.kind = ScopeKind::kInScope;
      s.confidence = kPersonOnly;
      add(persons);
      add(key_posts);
    }
  } else if (!transfer.empty()) {
    s.kind = ScopeKind::kTransfer;
    s.transfer = transfer_kind();
    s.confidence = disciplines > 0 ? kTransferDiscipline : kTransferAlone;
    add(transfer);
  } else if (disciplines > 0) {
    s.kind = ScopeKind::kInScope;
    s.confidence = !leader_posts.empty() ? kLeaderPostDiscipline
                   : !key_posts.empty()  ? kKeyPostDiscipline
                                         : kDisciplineOnly;
    add(leader_posts);
    add(key_posts);
  } else if (!leader_posts.empty() || !key_posts.empty()) {
    s.kind = ScopeKind::kInScope;
    s.confidence = !leader_posts.empty() ? kLeaderPostOnly : kKeyPostOnly;
    add(leader_posts);
    add(key_posts);
  }
  return s;
}

}  // namespace xuncha
