#include "http/messages.h"

#include <array>
#include <utility>

namespace xuncha {
namespace {
using Entry = std::pair<std::string_view, std::string_view>;

constexpr std::array kErrors = {
    Entry{"invalid_argument", "请求格式不正确"},
    Entry{"malformed_json", "请求内容不是有效的 JSON"},
    Entry{"bad_query", "查询参数不正确"},
    Entry{"validation", "填写的内容有误，请按提示修改"},
    Entry{"unauthenticated", "请先登录"},
    Entry{"session_expired", "登录已过期，请重新登录"},
    Entry{"bad_credentials", "用户名或密码错误"},
    Entry{"locked", "连续登录失败次数过多，账号已被临时锁定，请15分钟后再试"},
    Entry{"permission_denied", "您没有执行此操作的权限"},
    Entry{"csrf", "安全校验失败，请刷新页面后重试"},
    Entry{"must_change_password", "首次登录请先修改密码"},
    Entry{"not_found", "未找到该记录，或您无权查看"},
    Entry{"no_route", "未找到该接口"},
    Entry{"method_not_allowed", "不支持该请求方法"},
    Entry{"already_exists", "记录已存在"},
    Entry{"stale_version", "数据已被他人修改，请刷新后重试"},
    Entry{"recusal", "该人员存在应当回避的情形，不能指派"},
    Entry{"foreign_key", "该记录仍被其他数据引用，无法完成操作"},
    Entry{"payload_too_large", "提交的内容过大"},
    Entry{"unsupported_media_type", "不支持的内容类型"},
    Entry{"resource_exhausted", "请求过于频繁，请稍后再试"},
    Entry{"busy", "系统繁忙，请稍后再试"},
    Entry{"unavailable", "服务暂不可用，请稍后再试"},
    Entry{"bad_xlsx", "无法读取该 Excel 文件，请使用导出的模板填写"},
    Entry{"internal", "系统内部错误，请联系管理员"},
    Entry{"intake_closed", "该巡察组已停止受理反映，请向信访部门反映"},
    Entry{"rate_limited", "提交过于频繁，请稍后再试"},
    Entry{"query_code_unknown", "查询码不正确"},
    Entry{"replies_disabled", "本轮巡察不通过系统答复反映人"},
    Entry{"reveal_not_approved", "查看举报人身份须经巡察办主任批准"},
    Entry{"custodian_only", "只有巡察办主任可以审批查看身份的申请"},
    Entry{"reveal_pending", "已有待审批的申请"},
    Entry{"reveal_anonymous", "匿名举报没有可查看的身份"},
    Entry{"reveal_own_request", "不能审批自己的申请"},
    Entry{"key_unavailable", "当前会话没有解密密钥，请重新登录后再试"},
    Entry{"requester_no_key", "申请人尚未登录过系统，没有密钥，请其登录一次后再批准"},
    Entry{"notice_anonymous", "匿名举报无需告知"},
    Entry{"notice_too_early", "尚未受理或办结，不能登记告知"},
    Entry{"notice_done", "已登记过告知"},
    Entry{"decrypt_failed", "数据无法解密，请联系管理员"},
    Entry{"server_key", "服务器密钥有误"},
    Entry{"bad_multipart", "上传的内容格式有误，请重新提交"},
    Entry{"file_type_not_allowed",
          "不支持该文件类型（仅限图片、PDF、文本、音视频和Word/Excel文件）"},
    Entry{"file_too_large", "文件过大（单个文件不超过10MB，合计不超过30MB）"},
    Entry{"file_damaged", "文件已损坏，无法读取"},
    Entry{"too_many_files", "附件过多（最多10个）"},
    Entry{"files_too_large", "附件合计过大（不超过30MB）"},
    Entry{"file_infected", "文件含有病毒或恶意代码，已拒收"},
    Entry{"scanner_unavailable", "病毒扫描服务暂不可用，请稍后再试"},
    Entry{"bad_mime", "邮件格式有误，无法解析"},
    Entry{"mime_limits", "邮件过大或层级过多"},
    Entry{"mail_too_large", "邮件过大（超过64MB）"},
    Entry{"pow_invalid", "防刷验证未通过，请刷新页面后重新提交"},
    Entry{"bad_search_query", "检索式有误，请检查引号、括号和 OR/NOT 的用法"},
    Entry{"search_query_required", "请输入检索词"},
    Entry{"search_index_damaged", "检索索引损坏，请联系管理员重建索引（xuncha reindex）"},
    Entry{"search_busy", "检索索引正在重建，请稍后再试"},
    Entry{"pow_expired", "页面停留过久，防刷验证已过期，请重新提交"},
    Entry{"no_assignment", "收到邮件时该巡察组没有进驻中的单位"},
    Entry{"unit_ambiguous", "无法判断邮件反映的是哪个被巡察单位"},
    Entry{"invalid_content", "邮件内容不符合登记要求"},
    Entry{"mail_not_quarantined", "该邮件已经登记，不在待处理邮件中"},
    Entry{"finding_not_editable", "只有底稿可以修改，已确认或已撤销的问题请先由组长退回底稿"},
    Entry{"group_leader_only", "只有本组组长可以确认、撤销或退回问题"},
    Entry{"export_unavailable",
          "服务器没有可用的内存临时目录（/dev/shm），暂不能导出，请联系管理员"},
    Entry{"round_closed_for_findings", "该轮巡察已进入整改或已结束，问题不能再修改"},
    Entry{"export_too_large", "符合条件的问题过多（一次最多导出2000条），请缩小筛选范围"},
    Entry{"clue_not_editable", "只有草稿状态的线索可以修改，已移交的线索请先由组长撤回"},
    Entry{"clue_move_forbidden", "只有本组组长或接收机关的线索接收人可以办理该线索"},
    Entry{"organ_not_set", "该账号尚未设置所属接收机关（纪委监委或组织部），请联系巡察办"},
    Entry{"measure_not_editable", "只有整改中的措施可以修改，已报完成的措施请等待巡察办验收或退回"},
    Entry{"measure_move_forbidden", "整改措施由被巡察单位报告完成，由巡察办验收销号或退回"},
    Entry{"round_not_in_rectification", "该轮巡察不在整改阶段，整改台账不能修改"},
};

constexpr std::array kFields = {
    Entry{"required", "必填"},
    Entry{"too_long", "内容过长"},
    Entry{"too_many", "条目过多"},
    Entry{"out_of_range", "数值超出范围"},
    Entry{"date_order", "结束日期不能早于开始日期"},
    Entry{"invalid_date", "日期格式应为 YYYY-MM-DD"},
    Entry{"invalid_datetime", "时间格式应为 YYYY-MM-DD HH:MM:SS"},
    Entry{"invalid_type", "类型不正确"},
    Entry{"invalid_value", "取值不在允许范围内"},
    Entry{"not_found", "所选记录不存在"},
    Entry{"email", "电子信箱格式不正确"},
    Entry{"self_parent", "上级单位不能是本单位"},
    Entry{"round_taken", "该届次下已有相同编号的轮次"},
    Entry{"group_taken", "本轮已有相同编号的巡察组"},
    Entry{"name_taken", "名称已存在"},
    Entry{"unit_already_assigned", "该单位在本轮已安排巡察"},
    Entry{"username_format", "用户名只能包含字母、数字、下划线、点和连字符，最长32位"},
    Entry{"username_taken", "用户名已被使用"},
    Entry{"not_in_group", "所选单位不属于收到该邮件的巡察组"},
    Entry{"password_too_short", "密码至少10位"},
    Entry{"password_unchanged", "新密码不能与原密码相同"},
    Entry{"wrong_password", "原密码不正确"},
    Entry{"bad_phone", "电话号码只能包含数字、空格和-+()"},
    Entry{"bad_id_number", "身份证号应为18位"},
    Entry{"intake_closed", "该巡察组已停止受理"},
    Entry{"transition_not_allowed", "当前状态不能进行此操作"},
    Entry{"in_future", "时间不能晚于现在"},
    Entry{"before_start", "不能早于开始日期"},
    Entry{"file_type_not_allowed", "不支持该文件类型"},
    Entry{"file_too_large", "文件过大"},
    Entry{"file_damaged", "文件已损坏"},
    Entry{"file_infected", "文件含有病毒或恶意代码"},
    Entry{"scanner_unavailable", "病毒扫描服务暂不可用"},
    Entry{"duplicate", "不能重复"},
    Entry{"unknown_discipline", "纪律类别不正确"},
    Entry{"not_an_array", "应为列表"},
    Entry{"not_a_non_empty_array", "应为非空列表"},
    Entry{"not_an_object", "应为对象"},
    Entry{"not_a_boolean", "应为 true 或 false"},
    Entry{"not_a_string", "应为文字"},
    Entry{"not_an_integer", "应为整数"},
    Entry{"bad_json", "不是有效的 JSON"},
    Entry{"bad_range", "条款范围不正确"},
    Entry{"overlap", "条款范围与其他章重叠"},
    Entry{"outside_chapter", "条款号不在所属章的范围内"},
    Entry{"white_space", "提示词不能含空白字符"},
    Entry{"count", "提示词应为1至20个"},
    Entry{"one_line", "只能填写一行"},
    Entry{"round_not_open_for_findings", "该轮巡察不在进驻或报告阶段，不能新建问题"},
    Entry{"not_in_unit", "所选人员不在该单位的领导名单中"},
    Entry{"not_in_round", "所选巡察重点不属于本轮"},
    Entry{"round_not_open_for_clues", "该轮巡察不在进驻或报告阶段，不能新建问题线索"},
    Entry{"persons_required", "请至少选择一名领导人员或填写其他涉及人员"},
};
}  // namespace

std::string ErrorMessage(std::string_view key) {
  for (const auto& [k, v] : kErrors) {
    if (k == key) return std::string(v);
  }
  return "操作失败";
}

std::string FieldMessage(std::string_view key) {
  for (const auto& [k, v] : kFields) {
    if (k == key) return std::string(v);
  }
  return "内容有误";
}

}  // namespace xuncha
