// The overview's facts (docs/overview.md): the plain columns of a round's records, never the
// sealed content. One query per table, scoped to the caller's groups in SQL.
#include "storage/sqlite/sqlite_transaction.h"

namespace xuncha::sqlite {

Result<RoundFacts> SqliteTransaction::ReadRoundFacts(RoundId round, bool all_groups,
                                                     const std::vector<GroupId>& groups) {
  const std::string where =
      " WHERE round_id=?1 AND (?2 IS NULL OR group_id IN (SELECT value FROM json_each(?2)))";
  const std::optional<std::string> scope = IdsJson(all_groups, groups);
  RoundFacts out;

  XUNCHA_ASSIGN_OR_RETURN(
      Statement * reports,
      Prep("SELECT assignment_id, channel, state, sealed FROM reports" + where));
  reports->Bind(1, round.value).Bind(2, scope);
  XUNCHA_ASSIGN_OR_RETURN(out.reports, AllRows<ReportFact>(*reports, [](Statement& st) {
                            ReportFact r;
                            r.assignment_id = AssignmentId(st.Int(0));
                            r.channel = ParseChannel(st.Text(1)).value_or(Channel::kWeb);
                            r.state =
                                ParseReportState(st.Text(2)).value_or(ReportState::kRegistered);
                            r.sealed = st.Int(3) != 0;
                            return r;
                          }));

  XUNCHA_ASSIGN_OR_RETURN(
      Statement * findings,
      Prep("SELECT id, assignment_id, state, disciplines, focus_item_id FROM findings" + where));
  findings->Bind(1, round.value).Bind(2, scope);
  XUNCHA_ASSIGN_OR_RETURN(out.findings, AllRows<FindingFact>(*findings, [](Statement& st) {
                            FindingFact f;
                            f.id = FindingId(st.Int(0));
                            f.assignment_id = AssignmentId(st.Int(1));
                            f.state = ParseFindingState(st.Text(2)).value_or(FindingState::kDraft);
                            f.disciplines = ParseDisciplines(st.Text(3));
                            if (auto v = st.OptInt(4)) f.focus_item_id = FocusItemId(*v);
                            return f;
                          }));

  XUNCHA_ASSIGN_OR_RETURN(Statement * clues,
                          Prep("SELECT assignment_id, organ, state FROM clues" + where));
  clues->Bind(1, round.value).Bind(2, scope);
  XUNCHA_ASSIGN_OR_RETURN(out.clues, AllRows<ClueFact>(*clues, [](Statement& st) {
                            ClueFact c;
                            c.assignment_id = AssignmentId(st.Int(0));
                            c.organ = ParseOrgan(st.Text(1)).value_or(Organ::kDisciplineCommission);
                            c.state = ParseClueState(st.Text(2)).value_or(ClueState::kDraft);
                            return c;
                          }));

  XUNCHA_ASSIGN_OR_RETURN(
      Statement * measures,
      Prep("SELECT finding_id, state, deadline FROM rectification_measures" + where));
  measures->Bind(1, round.value).Bind(2, scope);
  XUNCHA_ASSIGN_OR_RETURN(out.measures, AllRows<MeasureFact>(*measures, [](Statement& st) {
                            MeasureFact m;
                            m.finding_id = FindingId(st.Int(0));
                            m.state =
                                ParseMeasureState(st.Text(1)).value_or(MeasureState::kPlanned);
                            m.deadline = OptDate(st.OptText(2));
                            return m;
                          }));
  return out;
}

}  // namespace xuncha::sqlite
