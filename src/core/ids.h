// Strong id types: a RoundId cannot be passed where a UnitId is expected.
#pragma once

#include <compare>
#include <cstdint>
#include <functional>

namespace xuncha {

template <typename Tag>
struct Id {
  std::int64_t value = 0;
  constexpr Id() = default;
  constexpr explicit Id(std::int64_t v) : value(v) {}
  constexpr bool valid() const { return value > 0; }
  auto operator<=>(const Id&) const = default;
};

using TermId = Id<struct TermTag>;
using RoundId = Id<struct RoundTag>;
using GroupId = Id<struct GroupTag>;
using UnitId = Id<struct UnitTag>;
using LeaderId = Id<struct LeaderTag>;
using InspectorId = Id<struct InspectorTag>;
using AssignmentId = Id<struct AssignmentTag>;
using FocusItemId = Id<struct FocusItemTag>;
using UserId = Id<struct UserTag>;
using ReportId = Id<struct ReportTag>;
using RevealRequestId = Id<struct RevealRequestTag>;
using MailId = Id<struct MailTag>;

}  // namespace xuncha

template <typename Tag>
struct std::hash<xuncha::Id<Tag>> {
  std::size_t operator()(const xuncha::Id<Tag>& id) const noexcept {
    return std::hash<std::int64_t>{}(id.value);
  }
};
