#include "repeat_corpus.h"

#include <unicode/translit.h>
#include <unicode/unistr.h>

#include <algorithm>
#include <array>
#include <memory>
#include <numeric>
#include <string_view>
#include <utility>

#include "../common/split_mix.h"

namespace xuncha::bench {
namespace {

class Rng : public SplitMix64 {
 public:
  using SplitMix64::SplitMix64;
  int Between(int lo, int hi) { return lo + static_cast<int>(Below(hi - lo + 1)); }
  bool Chance(double p) { return static_cast<double>(Next() >> 11) * 0x1.0p-53 < p; }
};

// ---- vocabulary (all fictional) ----
const std::vector<std::string> kSurnames = {
    "王", "李", "张", "刘", "陈", "杨", "赵", "黄", "周", "吴", "徐", "孙", "胡", "朱", "高",
    "林", "何", "郭", "马", "罗", "梁", "宋", "郑", "谢", "韩", "唐", "冯", "于", "董", "萧",
    "程", "曹", "袁", "邓", "许", "傅", "沈", "曾", "彭", "吕", "苏", "卢", "蒋", "蔡", "贾",
    "丁", "魏", "薛", "叶", "阎", "余", "潘", "杜", "戴", "夏", "钟", "汪", "田", "任", "姜",
    "范", "方", "石", "姚", "谭", "廖", "邹", "熊", "金", "陆", "郝", "孔", "白", "崔", "康",
    "毛", "邱", "秦", "江", "史", "顾", "侯", "邵", "孟", "龙", "万", "段", "雷", "钱", "汤"};
const std::vector<std::string> kGiven = {
    "建", "国", "军", "华", "平", "明", "伟", "强", "勇", "磊", "洋", "艳", "杰", "涛", "斌",
    "超", "波", "辉", "刚", "健", "峰", "鹏", "宏", "弘", "胜", "志", "文", "俊", "海", "东",
    "春", "红", "玲", "丽", "敏", "静", "燕", "霞", "亮", "成", "德", "福", "贵", "荣", "祥",
    "安", "庆", "永", "宝", "新", "立", "清", "山", "学", "兴", "泽", "振", "家", "云", "光"};
const std::vector<std::string> kAreas = {"市",     "东城区", "西城区", "高新区",
                                         "临江县", "青山县", "北湖区", "南溪县"};
const std::vector<std::string> kDepts = {
    "住建局", "交通运输局", "农业农村局", "自然资源局", "卫健委",     "教育局",
    "城管局", "市场监管局", "水务局",     "民政局",     "财政局",     "人社局",
    "商务局", "文旅局",     "生态环境局", "应急管理局", "林业局",     "医保局",
    "审计局", "统计局",     "司法局",     "体育局",     "机关事务局", "供销社"};
const std::vector<std::string> kPosts = {"局长",   "副局长",     "党组书记", "主任",
                                         "副主任", "科长",       "副科长",   "站长",
                                         "所长",   "办公室主任", "财务科长", "总工程师"};
const std::vector<std::string> kPlaceA = {"聚福", "望江", "金鼎", "御景", "锦绣", "华庭", "湖畔",
                                          "龙腾", "天悦", "翠园", "鸿运", "福满", "云顶", "海韵",
                                          "君悦", "碧水", "紫荆", "盛世", "富豪", "明珠"};
const std::vector<std::string> kPlaceB = {"楼",   "大酒店", "山庄",   "会所", "农家乐",
                                          "酒楼", "宾馆",   "度假村", "茶楼", "食府"};
const std::vector<std::string> kTrip = {"海南三亚", "云南大理", "桂林阳朔", "厦门鼓浪屿", "黄山",
                                        "张家界",   "九寨沟",   "青岛",     "杭州西湖",   "丽江"};
const std::vector<std::string> kFirmA = {"宏达", "恒信", "鑫源", "瑞丰", "永盛", "华泰",   "金诚",
                                         "广厦", "中联", "顺安", "德隆", "天宇", "新纪元", "鼎盛"};
const std::vector<std::string> kFirmB = {"建筑公司", "工程有限公司", "商贸公司", "物业公司",
                                         "建材公司", "劳务公司",     "园林公司", "装饰公司"};
const std::vector<std::string> kRelatives = {"妻子", "妻弟", "儿子",   "女婿", "侄子",
                                             "外甥", "表哥", "小舅子", "堂弟", "女儿"};
const std::vector<std::string> kProjects = {
    "城南安置小区二期", "滨河路改造",       "老旧小区加装电梯", "农村饮水安全",
    "高标准农田建设",   "智慧城市平台",     "学校操场翻新",     "河道综合整治",
    "背街小巷硬化",     "乡镇卫生院改扩建", "公共厕所提升",     "防汛物资采购"};
const std::vector<std::string> kItems = {"加班补贴", "交通补助", "绩效奖励", "节日慰问金",
                                         "考核奖",   "通讯补贴", "值班费",   "误餐补助"};

// ---- templates: {a|b} picks one, [x] is optional, <slot> is a fact ----
using Variants = std::vector<std::string>;  // one sentence, several wordings
struct Act {
  std::string key;
  std::vector<Variants> sentences;  // in order; all are used
};

// clang-format off
const std::vector<Act> kActs = {
  {"公款吃喝", {
    {"<year>年<month>月以来，<name>{多次|经常|屡次}{利用职务之便|借工作之机}，{安排|要求}下属单位{承担|支付}其{个人及亲友|朋友圈子}的吃喝费用。",
     "从<year>年<month>月开始，<name>就{频繁|不断}让下属单位为他和亲友的{吃喝|宴请}买单。",
     "<name>自<year>年<month>月起{长期|一直}把个人和亲友的吃喝开销转嫁给下属单位。"},
    {"{仅|光是}<month2>月份，他就在<place>{宴请|招待}朋友<count>次，每次花费{都在|不低于}<amount>元[以上]。",
     "单<month2>月一个月，<name>就在<place>摆了<count>桌酒席，每桌花销<amount>元{上下|以上}。",
     "据了解，<month2>月间他在<place>请客<count>回，单次消费达到<amount>元。"},
    {"这些费用{全部|都}以“{业务接待|公务接待}”的名义在<dept>{报销|列支}。",
     "相关开支{最后|事后}被包装成{公务接待|业务接待}费，在<dept>财务上{报掉|核销}了。",
     "他让财务把这些钱记作接待费，从<dept>的公用经费里{走账|列支}。"},
    {"他还要求办公室把发票{拆分|拆}成多张小额发票，以{免|防}引起{审计|财务}注意。",
     "为了{掩人耳目|不被发现}，发票都被{拆成|分成}了{几张|多张}小票分别报销。",
     "每次报账时他都让人把一张大额发票换成{好几张|若干张}小额发票。"}}},
  {"违规发放补贴", {
    {"<year>年<month>月，<who>{主持|拍板}以“<item>”名义{违规|擅自}给{局机关|单位}干部职工发放补贴。",
     "<name>在<year>年<month>月{未经集体研究|没有经过党组会讨论}，就{决定|拍板}给机关人员发放所谓“<item>”。",
     "<year>年<month>月起，<dept>在<name>{授意|安排}下巧立名目，以“<item>”为由{发钱|发放津补贴}。"},
    {"每人{每月|每季度}{发放|领取}<amount>元，{共|累计}{发放|发出}<wan>万元。",
     "人均{每月|每季度}拿到<amount>元，{总额|合计}达到<wan>万元。",
     "前后一共发了<wan>万元，每人{每月|每季度}<amount>元{左右|上下}。"},
    {"这笔钱{来自|出自}<project>{专项资金|项目经费}，{属于|系}{挪用|截留}专款。",
     "资金是从<project>的专项经费里{挤出来|挪出来}的。",
     "发放的钱实际{动用|占用}了<project>{项目资金|专项资金}。"},
    {"{<name>本人|他自己}{也|同样}领取了{这笔钱|补贴}，{还|甚至}多拿了一份“领导{补助|津贴}”。",
     "{作为|身为}一把手，<name>自己{拿得最多|领的最多}，还{另外|额外}给自己定了一份{补助|津贴}。",
     "据说<name>{本人|自己}每次都多领一份，{名义|理由}是“领导责任重”。"}}},
  {"收受礼金", {
    {"<year>年春节{前后|期间}，<name>收受<company>{老板|负责人}{送来|赠送}的{礼金|现金}<amount>元{和|及}购物卡<count>张。",
     "<year>年过年时，<company>的老板{提着|带着}<amount>元现金和<count>张购物卡{到|去}<name>家里拜年。",
     "<name>在<year>年春节{收下|接受}了<company>{送的|给的}<amount>元红包和<count>张购物卡。"},
    {"{此后|之后}该公司{顺利|很快}{拿到|承接}了<dept>的<project>{项目|业务}。",
     "没过多久，<company>就{中标|拿下}了<project>{工程|项目}。",
     "{随后|不久}<dept>把<project>{交给|安排给}了这家公司{来做|承接}。"},
    {"{每逢节假日|逢年过节}，{都有|总有}{下属|企业老板}{到|去}他家里{送礼|送红包}。",
     "逢年过节{给|向}<name>送礼的人{络绎不绝|排着队}，{他|其}{来者不拒|照单全收}。",
     "{据|听}{知情人|身边人}说，他家里{烟酒|礼品}{堆成了山|多得放不下}。"},
    {"<name>的{儿子|女儿}{结婚|办升学宴}时，{又|还}收了{管理服务对象|下属单位}{礼金|红包}{共计|合计}<wan>万元。",
     "{去年|前年}{他|<name>}{儿子|女儿}{办婚礼|考上大学}，{光是|单是}{下属|企业}送的{礼金|红包}就有<wan>万元。",
     "借{儿女|孩子}{婚事|升学}{大办|操办}宴席，<name>{收受|收取}礼金<wan>万元{左右|以上}。"}}},
  {"插手工程", {
    {"<year>年<month>月，<project>{招标|公开招标}{时|期间}，<name>{多次|反复}{打招呼|给评标专家打电话}，要求照顾其<relative>{经营|开办}的<company>。",
     "<project>{招标|招投标}{前|期间}，<name>{私下|暗中}{找到|约见}评标专家，{让|要求}他们{关照|照顾}<relative>的<company>。",
     "<year>年<month>月的<project>工程，<name>{亲自|直接}{过问|插手}招标，{替|为}<relative>开的<company>{打招呼|说情}。"},
    {"{最终|结果}<company>以高出{其他|别的}投标单位{近|约}<wan>万元的价格中标。",
     "{最后|结果}，报价{高出|多出}别家<wan>万元的<company>{反而|居然}中了标。",
     "<company>{比|较}其他单位{多报|高报}了<wan>万元，{却|仍然}{顺利|稳稳}中标。"},
    {"工程{开工后|施工期间}，他又{授意|暗示}{质监站|监理人员}{降低|放宽}检查标准。",
     "施工{过程中|阶段}，<name>{还|又}{要求|让}{监理|质监人员}对<company>{睁一只眼闭一只眼|少查少管}。",
     "开工以后，{质监|监理}{人员|部门}在他的{授意|压力}下对该公司{网开一面|放松监管}。"},
    {"{目前|现在}{部分|有的}{楼栋|路段}已经出现{墙体开裂|路面塌陷}等质量问题。",
     "{如今|现在}工程{多处|好几处}{出现|发现}{裂缝|渗水|塌陷}，群众{意见很大|怨声载道}。",
     "{完工|竣工}不到一年，{就|已经}{出现|暴露出}{开裂|渗漏}等{质量|安全}问题。"}}},
  {"违规用人", {
    {"<year>年<month>月，<name>{违规|不按程序}把其<relative>{安排|调入}<dept>{下属事业单位|二级单位}{工作|上班}。",
     "<name>在<year>年<month>月{利用职权|借职务便利}，{把|将}自己的<relative>{塞进|安插进}<dept>下属单位。",
     "{据了解|据知情人讲}，<year>年<month>月<name>{没走任何程序|绕开招聘程序}{就|直接}{让|把}<relative>进了<dept>下属单位。"},
    {"{该人|此人}{并未|没有}参加{公开招聘|考试}，{也|而且}{不符合|达不到}{岗位|学历}要求。",
     "他的<relative>{既|没有}{没参加考试|参加考试}，{也|又}{不具备|没有}{相应|岗位要求的}{学历|资格}。",
     "{这个人|此人}{学历|条件}{根本|完全}{不够|不符合}，{也|更}{没有|从没}{考试|参加招考}。"},
    {"{不到|仅仅}<count>年，{又|就}被{提拔|破格提拔}为{科室负责人|副科长}。",
     "进单位{才|只有}<count>年，{就|便}{被|获}{提拔|破格提拔}{当上了|为}{副科长|科室负责人}。",
     "{短短|仅仅}<count>年{时间|工夫}，此人{就|便}{坐上了|当上了}{科室负责人|副科长}的位子。"},
    {"{同期|同一时间}{落选|考试落榜}的<people>名{应聘者|考生}{意见很大|多次上访}。",
     "{当年|同一批}{报考|应聘}{落选|落榜}的<people>个人{都|纷纷}{不服|有意见}。",
     "{为此|因此}<people>名落选{考生|应聘者}{联名|一起}{反映|投诉}{过|了}{多次|好几次}。"}}},
  {"公车私用", {
    {"<name>{长期|一直}把{单位|局里}的{公务车|公车}{当作|当成}私家车{使用|开}。",
     "<dept>的{公车|公务用车}{几乎|基本}成了<name>{一家|家里}的{私家车|专车}。",
     "{单位|局里}{配的|的}{公车|公务车}，<name>{长期|常年}{占用|私用}{不还|不交}。"},
    {"<year>年<month>月{国庆|五一}{假期|长假}，他{开着|驾驶}公车{带家人|载亲友}去<trip>{旅游|游玩}，{往返|来回}<count>百公里。",
     "{今年|<year>年}<month>月的{国庆|五一}长假，<name>{开|驾驶}{公车|单位的车}{拉着|带着}{家人|亲戚}{去|到}<trip>{玩了|逛了}{好几天|一趟}。",
     "<year>年<month>月{假期|放假}{期间|时}，有人在<trip>{看见|拍到}<dept>的公车，{开车的|车上}正是<name>{一家|和家人}。"},
    {"{油费|过路费}{共计|合计}<amount>元{也|都}在<dept>报销了。",
     "{一路的|这趟}{油钱|加油费}和{过路费|停车费}<amount>元，{回来|事后}{全部|都}{报销了|拿回单位报了}。",
     "{产生的|这次的}<amount>元{费用|油费}，{他|<name>}{让|叫}{司机|办公室}{拿去|拿到}单位报销。"}}},
  {"借考察旅游", {
    {"<year>年<month>月，<name>{带队|组织}<people>人以“{学习考察|招商引资}”名义{前往|去}<trip>{旅游|游山玩水}<count>天。",
     "<name>在<year>年<month>月{打着|借着}“{学习考察|招商引资}”的{旗号|幌子}，{带|领着}<people>个人{去|到}<trip>{玩了|待了}<count>天。",
     "<year>年<month>月，<dept><people>名干部在<name>{带领|率领}下{赴|去}<trip>“{考察|学习}”<count>天，{实为|其实是}旅游。"},
    {"{整个|这次}行程{几乎|基本}{没有|不涉及}{公务活动|考察内容}，{全是|都是}{景点|旅游项目}。",
     "{所谓的|名义上的}{考察|学习}，{实际上|其实}{天天|每天}{逛景点|游山玩水}，{没有|不见}{任何|一点}公务安排。",
     "行程{单|表}上{排满了|全是}{景点|购物}，{考察|公务}{内容|活动}{一项也没有|几乎为零}。"},
    {"{所需|产生的}{费用|开支}<wan>万元{由|让}<company>{承担|买单}。",
     "<wan>万元{的|}{花销|开支}{最后|都}{由|叫}<company>{出了|付了|承担了}。",
     "这趟{出行|旅游}{花了|共花费}<wan>万元，{钱|费用}是<company>{出的|掏的}。"}}},
  {"优亲厚友", {
    {"<who>{利用职权|借职务便利}，{把|将}{不符合条件的|家境富裕的}<relative>{纳入|列入}{低保|困难救助}{名单|范围}。",
     "<name>{违规|私下}{给|帮}自己的<relative>{办了|弄了}{低保|困难补助}，{根本|完全}{不符合|不够}{条件|标准}。",
     "{在|经}<name>{的|}{关照|安排}下，他{家境殷实|有房有车}的<relative>{竟然|居然}{吃上了|领上了}{低保|救助金}。"},
    {"{其|他的}<relative>{名下有|家里有}{两套房|商铺|小轿车}，{每月|每个月}{却|还}{领取|拿}<amount>元{救助金|低保金}。",
     "<relative>{家里|名下}{有房有车|开着商铺}，{却|还}{每月|每个月}{拿|领}<amount>元{低保|补助}。",
     "{这位|其}<relative>{明明|分明}{有|开着}{商铺|小轿车}，{每月|每个月}{照样|仍然}{领|拿}<amount>元。"},
    {"{真正|确实}{困难|需要帮助}的<people>户{群众|村民}{反而|却}{被拒之门外|申请不上}。",
     "{而|可}{村里|社区里}<people>户{真正|确实}{困难的|有需要的}{人家|群众}{却|反而}{一直|始终}{评不上|没被纳入}。",
     "{与此同时|同时}，<people>户{困难|贫困}{群众|家庭}{多次|反复}申请{都|却}{被拒|没批}。"}}},
};

const std::vector<std::string> kIntros = {
  "{尊敬的|}巡察组{领导|同志}：{我要|我想|本人}{反映|举报}<who>的问题。",
  "{我是|本人是}<dept>的一名{干部|职工|退休干部}，{现|特此}{向巡察组|}{反映|举报}<post><name>{的|存在的}{违纪|违规}问题。",
  "{我们|我}{实名|}{举报|反映}<dept><post><name>{以下|如下}问题：",
  "<dept><post><name>的问题{长期|一直}{没人管|无人过问}，{今天|现在}{向|给}巡察组{写信|反映}。"};
const std::vector<std::string> kClosings = {
  "{希望|恳请|请}巡察组{认真|尽快|深入}{调查|核实}，{严肃处理|依纪依法处理|还群众一个公道}。",
  "{以上|上述}{情况|问题}{属实|句句属实}，{恳请|请}{组织|领导}{查处|调查处理}。",
  "{请|希望}巡察组{重视|关注}{此事|这个问题}，{给|还}{群众|大家}一个{交代|说法}。"};
const std::vector<std::string> kFillers = {
  "{局里|单位里}{职工|干部}{对此|}{议论纷纷|意见很大}，{但|却}{敢怒不敢言|没人敢说}。",
  "{这种|此类}{行为|做法}{严重|极大}{败坏了|损害了}{机关|干部队伍}{风气|形象}。",
  "{群众|老百姓}{对此|}{反映强烈|意见很大}，{多次|曾经}{向上级|向有关部门}反映{都|却}{没有下文|石沉大海}。",
  "<name>{平时|一向}{作风霸道|独断专行}，{听不进|不允许}{不同意见|别人提意见}。",
  "{有关|相关}{票据|照片|聊天记录}{我|我们}{都|已经}{保存|留存}{下来|了}，{可以|随时}{提供|配合调查}。",
  "{据说|听说}{他|<name>}{和|与}{上级|市里}{某些|个别}领导{关系很好|关系密切}，{所以|因此}{有恃无恐|无所顾忌}。",
  "{此事|这件事}在<dept>{内部|上下}{人尽皆知|早已传开}，{影响|性质}{十分|非常}恶劣。",
  "<name>{担任|任}<post>{以来|这些年}，{类似|这样的}{事情|问题}{远不止|不止}这一件。",
  "{单位|局里}{财务|账目}{管理|制度}{形同虚设|一片混乱}，{一把手|他}{一个人|一人}说了算，{班子其他成员|其他领导}{不敢|从不}{过问|吭声}。",
  "{前些年|以前}{也|曾}有人{向|给}{纪委|上级}{写过信|反映过}，{但|可}{不了了之|没有任何结果}，{反而|结果}{被|遭到}{打击报复|穿小鞋}。",
  "{我们|我}{担心|害怕}{被|遭}{报复|打击}，{所以|因此}{只能|暂时}{匿名|不具名}{反映|举报}，{请|恳请}{组织|领导}{为|给}{反映人|我们}{保密|保守秘密}。",
  "{这些|上述}{问题|情况}{发生在|就在}{中央八项规定|八项规定}{出台|实施}{多年以后|以后}，{顶风违纪|明知故犯}，{性质|情节}{严重|恶劣}。",
  "{群众|职工}{私下|背后}{都|常}{叫他|说他}“{土皇帝|一霸}”，{说|认为}{<dept>|单位}{是他家开的|成了他的独立王国}。",
  "{他|<name>}{在|对}{干部职工|下属}{面前|}{经常|总是}{讲|说}{廉洁|规矩}，{背后|私下里}{却|又}{另一套|是另一副面孔}。"};
// clang-format on

// What an edited copy may add.
const std::vector<std::string> kGreetings = {"巡察组领导您好！", "尊敬的市委巡察组：",
                                             "各位领导好，", "巡察组的同志们：",
                                             "你好，我反映个情况。"};
const std::vector<std::string> kSignatures = {"此致 敬礼！",
                                              "一名知情群众",
                                              "知情人 敬上",
                                              "一个老党员",
                                              "<year>年<month>月<day>日",
                                              "联系电话138****5521",
                                              "（实名举报人：单位职工）"};
const std::vector<std::string> kInserts = {"据我所知，", "大家都知道，", "（此事属实）", "说实话，",
                                           "特别是",     "另外，",       "更严重的是，"};
const std::vector<std::string> kTypos = {"的", "地", "得", "了", "在", "再", "他", "她",
                                         "是", "事", "到", "道", "做", "作", "局", "据"};

struct Official {
  std::uint32_t id;
  std::string name, dept, post;
};

struct Facts {
  std::size_t act = 0;
  const Official* who = nullptr;
  std::string place, trip, company, relative, project, item;
  int year = 0, month = 0, month2 = 0, day = 0, amount = 0, wan = 0, count = 0, people = 0;
  bool han = false;  // numbers in Chinese numerals
};

// 0 < n < 100000 in Chinese numerals as people write them: 3500 三千五百, 105 一百零五,
// 12 十二, 20000 二万.
std::string HanInt(int n) {
  static const char* const kDigits[] = {"零", "一", "二", "三", "四", "五", "六", "七", "八", "九"};
  static const char* const kUnits[] = {"", "十", "百", "千", "万"};
  if (n <= 0) return kDigits[0];
  if (n >= 10 && n < 20) return std::string("十") + (n > 10 ? kDigits[n - 10] : "");
  std::string out;
  bool zero = false;
  for (int unit = 4; unit >= 0; --unit) {
    int scale = 1;
    for (int k = 0; k < unit; ++k) scale *= 10;
    const int d = (n / scale) % 10;
    if (d == 0) {
      if (!out.empty()) zero = true;
      continue;
    }
    if (zero) out += kDigits[0];
    zero = false;
    out += kDigits[d];
    out += kUnits[unit];
  }
  return out;
}

// 2023 → 二〇二三.
std::string HanYear(int year) {
  static const char* const kDigits[] = {"〇", "一", "二", "三", "四", "五", "六", "七", "八", "九"};
  std::string out;
  for (char c : std::to_string(year)) out += kDigits[c - '0'];
  return out;
}

// A base report's wording choices, so that paraphrases change them and form letters keep them.
struct Wording {
  std::size_t intro = 0, closing = 0;
  std::vector<std::size_t> variants;  // per fact sentence
  std::vector<std::size_t> fillers;   // filler sentences, in order, after fact `filler_at`
  std::size_t filler_at = 0;
  std::uint64_t choice_seed = 0;  // drives {a|b} and [x]
};

std::string Slot(std::string_view name, const Facts& f) {
  const Official& o = *f.who;
  if (name == "name") return o.name;
  if (name == "dept") return o.dept;
  if (name == "post") return o.post;
  if (name == "who") return o.dept + o.post + o.name;
  if (name == "place") return f.place;
  if (name == "trip") return f.trip;
  if (name == "company") return f.company;
  if (name == "relative") return f.relative;
  if (name == "project") return f.project;
  if (name == "item") return f.item;
  const auto num = [&f](int n) { return f.han ? HanInt(n) : std::to_string(n); };
  if (name == "year") return f.han ? HanYear(f.year) : std::to_string(f.year);
  if (name == "month") return num(f.month);
  if (name == "month2") return num(f.month2);
  if (name == "day") return num(f.day);
  if (name == "amount") return num(f.amount);
  if (name == "wan") return num(f.wan);
  if (name == "count") return num(f.count);
  if (name == "people") return num(f.people);
  return "?";
}

// Renders t[i..) up to an unmatched '|', '}' or ']' (which it does not consume).
void Render(std::string_view t, std::size_t& i, const Facts& f, Rng& choice, std::string& out) {
  while (i < t.size()) {
    const char c = t[i];
    if (c == '|' || c == '}' || c == ']') return;
    if (c == '<') {
      const std::size_t end = t.find('>', i);
      out += Slot(t.substr(i + 1, end - i - 1), f);
      i = end + 1;
    } else if (c == '{') {
      // Collect the alternatives, render the chosen one, skip the others.
      std::vector<std::string> alts;
      ++i;
      while (true) {
        std::string alt;
        Render(t, i, f, choice, alt);
        alts.push_back(std::move(alt));
        if (i >= t.size() || t[i] == '}') break;
        ++i;  // '|'
      }
      ++i;  // '}'
      out += choice.Pick(alts);
    } else if (c == '[') {
      ++i;
      std::string opt;
      Render(t, i, f, choice, opt);
      ++i;  // ']'
      if (choice.Chance(0.5)) out += opt;
    } else {
      out.push_back(c);
      ++i;
    }
  }
}

std::string RenderOne(const std::string& t, const Facts& f, Rng& choice) {
  std::string out;
  std::size_t i = 0;
  Render(t, i, f, choice, out);
  return out;
}

std::string RenderReport(const Facts& f, const Wording& w) {
  Rng choice(w.choice_seed);
  std::string out = RenderOne(kIntros[w.intro], f, choice);
  const Act& act = kActs[f.act];
  for (std::size_t s = 0; s < act.sentences.size(); ++s) {
    out += RenderOne(act.sentences[s][w.variants[s]], f, choice);
    if (s == w.filler_at) {
      for (const std::size_t k : w.fillers) out += RenderOne(kFillers[k], f, choice);
    }
  }
  out += RenderOne(kClosings[w.closing], f, choice);
  return out;
}

Facts NewFacts(std::size_t act, const Official* who, Rng& rng) {
  Facts f;
  f.act = act;
  f.who = who;
  f.place = rng.Pick(kPlaceA) + rng.Pick(kPlaceB);
  f.trip = rng.Pick(kTrip);
  f.company = rng.Pick(kFirmA) + rng.Pick(kFirmB);
  f.relative = rng.Pick(kRelatives);
  f.project = rng.Pick(kProjects);
  f.item = rng.Pick(kItems);
  f.year = rng.Between(2018, 2024);
  f.month = rng.Between(1, 12);
  f.month2 = rng.Between(1, 12);
  f.day = rng.Between(1, 28);
  f.amount = rng.Between(3, 120) * 100;
  f.wan = rng.Between(2, 300);
  f.count = rng.Between(2, 9);
  f.people = rng.Between(3, 40);
  return f;
}

Wording NewWording(std::size_t act, Rng& rng) {
  Wording w;
  w.intro = rng.Below(kIntros.size());
  w.closing = rng.Below(kClosings.size());
  for (const Variants& v : kActs[act].sentences) w.variants.push_back(rng.Below(v.size()));
  // Distinct fillers: a partial Fisher-Yates shuffle of their indices.
  std::vector<std::size_t> pool(kFillers.size());
  std::iota(pool.begin(), pool.end(), 0);
  const auto fillers = static_cast<std::size_t>(rng.Between(1, 6));
  for (std::size_t k = 0; k < fillers; ++k) {
    std::swap(pool[k], pool[k + rng.Below(pool.size() - k)]);
    w.fillers.push_back(pool[k]);
  }
  w.filler_at = rng.Below(kActs[act].sentences.size());
  w.choice_seed = rng.Next();
  return w;
}

// Another variant of each sentence, another intro and closing, other fillers and choices.
Wording Paraphrase(std::size_t act, const Wording& w, Rng& rng) {
  Wording p = NewWording(act, rng);
  const auto other = [&rng](std::size_t was, std::size_t n) {
    return n < 2 ? was : (was + 1 + rng.Below(n - 1)) % n;
  };
  p.intro = other(w.intro, kIntros.size());
  p.closing = other(w.closing, kClosings.size());
  for (std::size_t s = 0; s < p.variants.size(); ++s) {
    p.variants[s] = other(w.variants[s], kActs[act].sentences[s].size());
  }
  return p;
}

// ---- edits on code points ----
std::vector<std::string> CodePoints(std::string_view s) {
  std::vector<std::string> out;
  for (std::size_t i = 0; i < s.size();) {
    const auto b = static_cast<unsigned char>(s[i]);
    const std::size_t n = b < 0x80 ? 1 : b < 0xE0 ? 2 : b < 0xF0 ? 3 : 4;
    out.emplace_back(s.substr(i, n));
    i += n;
  }
  return out;
}

std::vector<std::string> Sentences(std::string_view s) {
  std::vector<std::string> out;
  std::string cur;
  for (const std::string& c : CodePoints(s)) {
    cur += c;
    if (c == "。" || c == "！" || c == "？" || c == "：") {
      out.push_back(std::move(cur));
      cur.clear();
    }
  }
  if (!cur.empty()) out.push_back(std::move(cur));
  return out;
}

std::string ToTraditional(const std::string& s) {
  static const std::unique_ptr<icu::Transliterator> t = [] {
    UErrorCode status = U_ZERO_ERROR;
    std::unique_ptr<icu::Transliterator> p(
        icu::Transliterator::createInstance("Simplified-Traditional", UTRANS_FORWARD, status));
    return U_SUCCESS(status) ? std::move(p) : nullptr;
  }();
  if (!t) return s;
  icu::UnicodeString u = icu::UnicodeString::fromUTF8(s);
  t->transliterate(u);
  std::string out;
  u.toUTF8String(out);
  return out;
}

std::string ToFullWidth(const std::string& s) {
  std::string out;
  for (const char c : s) {
    if ((c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')) {
      const char32_t cp = 0xFF00 + static_cast<char32_t>(c) - 0x20;  // U+FF10.. for '0'..
      out.push_back(static_cast<char>(0xE0 | (cp >> 12)));
      out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
      out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
    } else {
      out.push_back(c);
    }
  }
  return out;
}

std::string Edit(const std::string& text, const Facts& f, Rng& rng) {
  std::vector<std::string> sentences = Sentences(text);
  // Sentence level: swap two (not the first), drop one, add greeting and signature.
  if (sentences.size() > 3 && rng.Chance(0.5)) {
    const std::size_t a = 1 + rng.Below(sentences.size() - 1);
    const std::size_t b = 1 + rng.Below(sentences.size() - 1);
    std::swap(sentences[a], sentences[b]);
  }
  if (sentences.size() > 4 && rng.Chance(0.15)) {
    sentences.erase(sentences.begin() +
                    static_cast<std::ptrdiff_t>(1 + rng.Below(sentences.size() - 1)));
  }
  Rng choice(rng.Next());
  if (rng.Chance(0.4)) sentences.insert(sentences.begin(), rng.Pick(kGreetings));
  if (rng.Chance(0.4)) sentences.push_back(RenderOne(rng.Pick(kSignatures), f, choice));
  const bool line_breaks = rng.Chance(0.3);
  std::string joined;
  for (const std::string& s : sentences) joined += s + (line_breaks ? "\n" : "");
  // Character level: substitute, delete, insert; up to 5% of the characters, plus phrases.
  std::vector<std::string> cps = CodePoints(joined);
  const double rate = 0.05 * static_cast<double>(rng.Below(1001)) / 1000.0;
  const auto edits = static_cast<std::size_t>(rate * static_cast<double>(cps.size()));
  for (std::size_t e = 0; e < edits && cps.size() > 10; ++e) {
    const std::size_t at = rng.Below(cps.size());
    switch (rng.Below(3)) {
      case 0:
        cps[at] = rng.Pick(kTypos);
        break;
      case 1:
        cps.erase(cps.begin() + static_cast<std::ptrdiff_t>(at));
        break;
      default:
        cps.insert(cps.begin() + static_cast<std::ptrdiff_t>(at), rng.Pick(kTypos));
        break;
    }
  }
  const int phrases = rng.Between(0, 2);
  for (int k = 0; k < phrases; ++k) {
    cps.insert(cps.begin() + static_cast<std::ptrdiff_t>(rng.Below(cps.size())),
               rng.Pick(kInserts));
  }
  std::string out;
  for (const std::string& c : cps) out += c;
  if (rng.Chance(0.25)) out = ToTraditional(out);
  if (rng.Chance(0.25)) out = ToFullWidth(out);
  return out;
}

}  // namespace

const char* DocKindName(DocKind kind) {
  switch (kind) {
    case DocKind::kBase:
      return "base";
    case DocKind::kEdited:
      return "edited";
    case DocKind::kParaphrase:
      return "paraphrase";
    case DocKind::kSamePersonOtherAct:
      return "same_person_other_act";
    case DocKind::kSameTemplateOtherPerson:
      return "same_template_other_person";
  }
  return "?";
}

std::vector<RepeatDoc> GenerateRepeatCorpus(const CorpusOptions& o) {
  Rng rng(o.seed * 0x2545F4914F6CDD1DULL + 17);
  // About two bases per official, so some officials are named by several unrelated reports.
  std::vector<Official> officials(std::max<std::size_t>(o.count / 2, 16));
  for (std::size_t i = 0; i < officials.size(); ++i) {
    Official& of = officials[i];
    of.id = static_cast<std::uint32_t>(i + 1);
    of.name = rng.Pick(kSurnames) + rng.Pick(kGiven) + (rng.Chance(0.7) ? rng.Pick(kGiven) : "");
    of.dept = rng.Pick(kAreas) + rng.Pick(kDepts);
    of.post = rng.Pick(kPosts);
  }
  std::vector<RepeatDoc> docs;
  docs.reserve(o.count);
  std::uint32_t next_cluster = 0;
  const auto persons = [&](const Official* who) {
    return rng.Chance(o.person_miss_rate)
               ? std::vector<std::string>{}
               : std::vector<std::string>{"leader:" + std::to_string(who->id)};
  };
  const auto push = [&](std::string text, DocKind kind, std::uint32_t cluster, std::uint32_t source,
                        const Official* who) {
    if (docs.size() < o.count)
      docs.push_back({std::move(text), kind, cluster, source, persons(who)});
  };
  while (docs.size() < o.count) {
    const std::size_t act = rng.Below(kActs.size());
    const Official* who = &officials[rng.Below(officials.size())];
    const Facts facts = NewFacts(act, who, rng);
    const Wording wording = NewWording(act, rng);
    const std::string text = RenderReport(facts, wording);
    const auto base = static_cast<std::uint32_t>(docs.size());
    const std::uint32_t cluster = next_cluster++;
    push(text, DocKind::kBase, cluster, base, who);
    if (rng.Chance(o.edited_rate)) {
      push(Edit(text, facts, rng), DocKind::kEdited, cluster, base, who);
      if (rng.Chance(0.3)) push(Edit(text, facts, rng), DocKind::kEdited, cluster, base, who);
    }
    if (rng.Chance(o.paraphrase_rate)) {
      const Wording retold = Paraphrase(act, wording, rng);
      Facts told = facts;
      told.han = Rng(retold.choice_seed ^ 0x48414E4E554D ^ o.seed).Chance(o.han_rate);
      push(RenderReport(told, retold), DocKind::kParaphrase, cluster, base, who);
    }
    if (rng.Chance(o.same_person_rate)) {
      const std::size_t other_act = (act + 1 + rng.Below(kActs.size() - 1)) % kActs.size();
      push(RenderReport(NewFacts(other_act, who, rng), NewWording(other_act, rng)),
           DocKind::kSamePersonOtherAct, next_cluster++, base, who);
    }
    if (rng.Chance(o.same_template_rate)) {
      const Official* other = &officials[rng.Below(officials.size())];
      if (other != who) {
        push(RenderReport(NewFacts(act, other, rng), wording), DocKind::kSameTemplateOtherPerson,
             next_cluster++, base, other);
      }
    }
  }
  return docs;
}

}  // namespace xuncha::bench
