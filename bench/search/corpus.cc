#include "corpus.h"

#include <algorithm>
#include <charconv>
#include <sstream>
#include <unordered_map>

#include "../common/split_mix.h"

namespace xuncha::bench {
namespace {

class Rng : public SplitMix64 {
 public:
  using SplitMix64::SplitMix64;
  std::size_t Between(std::size_t lo, std::size_t hi) { return lo + Below(hi - lo + 1); }
  bool Chance(int percent) { return Below(100) < static_cast<std::size_t>(percent); }
};

const std::vector<std::string_view> kSurnames = {
    "王", "李", "张", "刘", "陈", "杨", "黄", "赵", "吴", "周", "徐",   "孙",   "马",
    "朱", "胡", "郭", "何", "高", "林", "罗", "郑", "梁", "谢", "宋",   "唐",   "许",
    "韩", "冯", "邓", "曹", "彭", "曾", "肖", "田", "董", "袁", "潘",   "于",   "蒋",
    "蔡", "余", "杜", "叶", "程", "苏", "魏", "吕", "丁", "任", "沈",   "姚",   "卢",
    "姜", "崔", "钟", "谭", "陆", "汪", "范", "金", "石", "廖", "贾",   "夏",   "韦",
    "付", "方", "白", "邹", "孟", "熊", "秦", "邱", "江", "尹", "欧阳", "司马", "上官"};

const std::vector<std::string_view> kGivenChars = {
    "伟", "芳", "娜", "敏", "静", "丽", "强", "磊", "军", "洋", "勇", "艳", "杰", "娟", "涛", "明",
    "超", "秀", "霞", "平", "刚", "桂", "英", "华", "建", "国", "志", "红", "文", "辉", "宏", "弘",
    "胜", "海", "波", "鹏", "宇", "斌", "凯", "浩", "亮", "晨", "瑞", "峰", "婷", "雪", "琳", "玉",
    "兰", "春", "东", "新", "德", "昌", "福", "贵", "荣", "祥", "林", "成", "光", "庆", "永", "忠",
    "卫", "良", "安", "宁", "泽", "俊", "博", "思", "嘉", "晓", "振", "鑫", "淼", "焱", "炜", "彬"};

// A given-name character and one of the same sound (the reporter misspells the name).
const std::unordered_map<std::string_view, std::string_view> kHomophones = {
    {"宏", "弘"}, {"弘", "宏"}, {"伟", "炜"}, {"炜", "伟"}, {"明", "铭"}, {"华", "化"},
    {"军", "君"}, {"志", "智"}, {"国", "果"}, {"勇", "永"}, {"永", "勇"}, {"涛", "韬"},
    {"斌", "彬"}, {"彬", "斌"}, {"杰", "洁"}, {"峰", "锋"}, {"林", "琳"}, {"琳", "林"},
    {"海", "凯"}, {"晨", "辰"}, {"鹏", "朋"}, {"刚", "钢"}, {"强", "蔷"}, {"辉", "晖"}};

const std::vector<std::string_view> kUnits = {"市交通运输局",
                                              "市住房和城乡建设局",
                                              "市卫生健康委员会",
                                              "市教育局",
                                              "市自然资源和规划局",
                                              "市财政局",
                                              "市水务局",
                                              "市城市管理综合执法局",
                                              "市市场监督管理局",
                                              "市农业农村局",
                                              "市人力资源和社会保障局",
                                              "市民政局",
                                              "市生态环境局",
                                              "市应急管理局",
                                              "市商务局",
                                              "市文化广电旅游局",
                                              "市医疗保障局",
                                              "市退役军人事务局",
                                              "市林业局",
                                              "市审计局",
                                              "市统计局",
                                              "市司法局",
                                              "市国有资产监督管理委员会",
                                              "市发展和改革委员会",
                                              "市工业和信息化局",
                                              "市体育局",
                                              "市机关事务管理局",
                                              "市公共资源交易中心",
                                              "市住房公积金管理中心",
                                              "市城市投资发展集团有限公司"};

const std::vector<std::string_view> kPosts = {
    "局长",   "副局长",   "党组书记",   "党组成员", "主任",  "副主任",
    "科长",   "副科长",   "处长",       "所长",     "队长",  "站长",
    "总经理", "副总经理", "办公室主任", "财务科长", "一把手"};

const std::vector<std::string_view> kPlaces = {
    "金碧辉煌大酒店", "御膳坊",     "湘江人家",     "海天渔港",     "鸿运楼",     "龙腾KTV",
    "皇冠假日酒店",   "农家乐山庄", "东方明珠会所", "金色年华茶楼", "蓝湾度假村", "老地方私房菜"};

const std::vector<std::string_view> kCompanies = {
    "鑫达建筑工程有限公司", "宏远路桥有限公司", "ABC科技有限公司",      "华盛物业管理有限公司",
    "恒通劳务派遣公司",     "金盾安防工程公司", "绿洲园林绿化有限公司", "XYZ信息技术有限公司",
    "天成建材贸易商行",     "瑞丰置业有限公司"};

const std::vector<std::string_view> kRelatives = {"妻子", "儿子", "女儿",   "弟弟", "小舅子",
                                                  "外甥", "表哥", "老同学", "同乡", "侄子"};

const std::vector<std::string_view> kEmoji = {"😡", "🙏", "😭", "👎", "❗", "😤", "🤬", "💰"};

const std::vector<ActInfo> kActs = {
    {"公款吃喝", "廉洁纪律"},       {"违规发放津贴补贴", "廉洁纪律"},
    {"收受礼品礼金", "廉洁纪律"},   {"插手工程项目", "廉洁纪律"},
    {"违规选人用人", "组织纪律"},   {"形式主义", "工作纪律"},
    {"优亲厚友", "群众纪律"},       {"不担当不作为", "工作纪律"},
    {"公车私用", "廉洁纪律"},       {"违规操办婚丧喜庆", "廉洁纪律"},
    {"违规经商办企业", "廉洁纪律"}, {"吃拿卡要", "群众纪律"},
    {"对抗组织审查", "政治纪律"},   {"生活作风问题", "生活纪律"}};

// Sentences per act. Slots: {N} the target as written, {P} post, {U} unit, {D} a date,
// {M} an amount, {K} a count, {L} a place, {C} a company, {R} a relative, {Y} a year.
const std::vector<std::vector<std::string_view>> kActSentences = {
    {"{D}晚上，{N}带着单位{K}个人在{L}吃饭，一桌花了{M}，用的是公款，发票开成会议费报销。",
     "{N}经常以接待为名公款吃喝，每个月招待费都有{M}多，大部分是请朋友喝酒。",
     "{Y}年以来，{U}食堂变成了{N}的私人饭堂，茅台、五粮液一箱一箱地搬。",
     "逢年过节{N}都在{L}大摆宴席，账都挂在{C}名下，最后由单位公款结算。",
     "听说上级来检查的时候，{N}让办公室在{L}订了包间，一顿饭就是{M}。"},
    {"{N}违规给班子成员发放津贴补贴，名目有交通补贴、加班费、值班费，每人每月{M}。",
     "{D}，{U}以“绩效奖励”名义人均发了{M}，没有任何文件依据。",
     "{N}指使财务把专项资金套出来发福利，{Y}年一年发了{K}次购物卡。",
     "单位账外设立小金库，{N}用来给中层以上干部发放补贴，总额超过{M}。"},
    {"{N}收受{C}老板送的礼品礼金，仅{D}一次就收了{M}的购物卡。",
     "每年中秋春节，下属单位都要给{N}送红包，少则{M}，多的更不好说。",
     "{N}的{R}收了工程老板的一块手表，价值{M}左右，还有{K}条中华烟。",
     "{D}，有人看见{C}的人提着礼品盒进了{N}的办公室，出来时空着手。"},
    {"{N}插手工程项目，把{U}的改造工程指定给{C}，合同金额{M}。",
     "{C}根本没有资质，却连续{K}年中标{U}的项目，背后是{N}在打招呼。",
     "{Y}年的道路维修项目拆分成{K}个小标段规避招标，全部给了{N}的{R}。",
     "{N}要求评标专家给{C}打高分，招标只是走过场。"},
    {"{N}违规选人用人，把自己的{R}提拔为副科长，民主推荐根本没搞。",
     "{Y}年干部调整时，{N}突击提拔了{K}名干部，有人说是花了{M}买的。",
     "{U}招聘编外人员，名单早就内定，{N}的{R}笔试倒数也被录取了。",
     "{N}搞“一言堂”，干部任免不上会研究，他一个人说了算。"},
    {"{U}形式主义严重，一个月开{K}次会，文件照抄照转，材料堆成山。",
     "{N}要求基层每天在APP上打卡签到、上传照片，留痕比干事还重要。",
     "为了迎接检查，{N}让各科室连夜补做台账，{D}一晚上就造了{K}本。",
     "调研就是拍照走过场，{N}到村里待不到半小时，新闻稿早就写好了。"},
    {"{N}优亲厚友，把低保名额给了自己的{R}，真正困难的群众却评不上。",
     "{Y}年的救助资金{M}，有一大半发给了{N}的亲戚朋友。",
     "拆迁补偿时{N}给{R}多算了{K}平方米，多拿了{M}。",
     "{N}利用职务之便，安排{R}到{U}下属单位上班，吃空饷。"},
    {"群众反映的问题找{N}，他总是推给别的科室，{K}个月了没有任何答复。",
     "{N}不担当不作为，{D}发生的事故至今没有处理结果。",
     "我们的诉求在{U}被踢皮球，{N}说这事不归他管，让我们去找{C}。",
     "{N}上班时间玩手机、打游戏，办事群众在门口等了{K}个小时。"},
    {"{N}长期公车私用，周末开着单位的车（车牌号{X}）接送孩子上学。",
     "{D}，有人在{L}门口拍到{U}的公车，{N}一家人在里面吃饭。",
     "{N}把单位车辆借给{R}使用，油费和过路费却在单位报销，{Y}年共{M}。"},
    {"{N}给{R}办婚礼，在{L}摆了{K}桌，收了下属和老板的礼金{M}。",
     "{D}{N}父亲过生日大操大办，请了{U}全体职工，每人随礼{M}。",
     "{N}搬新家办乔迁宴，{C}的老板送了{M}的红包。"},
    {"{N}违规经商办企业，实际控制{C}，让{R}当法人代表。",
     "{N}在{C}有干股，每年分红{M}，单位的采购都从这家公司走。",
     "{N}的{R}开了一家{C}，专门承接{U}的业务，{Y}年营业额{M}。"},
    {"{U}窗口办事吃拿卡要，办个证要跑{K}趟，不送烟不给办。",
     "{N}下乡检查，企业不安排吃住就找麻烦，{D}还让老板报销了{M}的油费。",
     "个体户反映，{N}以检查为名索要好处费，每次{M}。"},
    {"{N}得知被举报后，召集相关人员订立攻守同盟，销毁了{Y}年的账本。",
     "{D}，{N}让财务把电脑里的数据删了，还威胁知情人不许乱说。",
     "{N}四处打听举报人是谁，扬言要给举报人“穿小鞋”。"},
    {"{N}生活作风有问题，与{U}一名女职工关系暧昧，经常一起出入{L}。",
     "{N}长期在{L}包房，{D}有人看见他凌晨才离开。",
     "有人举报{N}婚外情，还用公款给对方买了{M}的首饰。"}};

const std::vector<std::string_view> kOpenings = {
    "尊敬的巡察组领导：", "巡察组领导你们好！", "我要实名举报",
    "我要举报",           "领导好，",           "本人是{U}的一名普通职工，现反映以下问题：",
    "我是退休老干部，",   "巡察组：",           "致市委第二巡察组：",
    "反映问题：",         "举报材料",           ""};

const std::vector<std::string_view> kIntros = {
    "{U}{P}{N}存在严重违纪问题。",   "我举报{U}{P}{N}。",           "{U}的{N}（{P}）问题很多。",
    "现将{U}{P}{N}的问题反映如下：", "{N}，{U}{P}，群众意见很大。", "{U}{N}{P}长期以来作风霸道。"};

const std::vector<std::string_view> kFillers = {"单位职工敢怒不敢言。",
                                                "这些情况在单位里是公开的秘密，大家都知道。",
                                                "以上问题我可以提供照片和聊天记录作为证据。",
                                                "希望巡察组认真调查，还我们一个公道。",
                                                "之前也向有关部门反映过，一直没有下文。",
                                                "群众对此议论纷纷，影响非常恶劣。",
                                                "他仗着上面有人，谁都不放在眼里。",
                                                "请巡察组调取{Y}年的财务账目核实。",
                                                "相关人员的微信群聊天记录可以证明。",
                                                "具体情况可以找财务室的老同志了解。",
                                                "这个问题我在{D}已经向12345热线反映过。",
                                                "举报人联系电话139{K}{K}{K}{K}，请保密。",
                                                "单位的QQ群和OA系统里都有记录。",
                                                "本人保证所反映的情况属实。"};

const std::vector<std::string_view> kClosings = {"恳请巡察组严查！",
                                                 "请领导明察！",
                                                 "以上情况属实，请核查。",
                                                 "希望尽快处理，谢谢！",
                                                 "请求依法依纪严肃处理。",
                                                 "盼复。",
                                                 "此致敬礼！",
                                                 ""};

const std::vector<std::string_view> kVocabulary = {
    "公款吃喝", "违规发放",     "津贴补贴", "收受礼品礼金", "礼金",         "插手工程项目",
    "工程项目", "违规选人用人", "形式主义", "优亲厚友",     "不担当不作为", "公车私用",
    "婚丧喜庆", "经商办企业",   "吃拿卡要", "攻守同盟",     "小金库",       "购物卡",
    "红包",     "招待费",       "会议费",   "低保",         "拆迁补偿",     "干股",
    "一言堂",   "走过场",       "违规",     "公款",         "吃喝",         "举报",
    "巡察组",   "财务",         "发票",     "报销",         "招标",         "中标",
    "提拔",     "资质",         "台账",     "打卡",         "茅台",         "手表",
    "领导",     "职工",         "群众",     "问题",         "局长",         "副局长",
    "书记",     "主任",         "科长",     "一把手",       "ktv",          "app",
    "qq",       "oa",           "12345"};

// Simplified → Traditional for characters the templates use often.
const std::unordered_map<std::string_view, std::string_view> kTraditional = {
    {"违", "違"}, {"规", "規"}, {"发", "發"}, {"贴", "貼"}, {"礼", "禮"}, {"领", "領"},
    {"导", "導"}, {"长", "長"}, {"书", "書"}, {"记", "記"}, {"务", "務"}, {"会", "會"},
    {"单", "單"}, {"钱", "錢"}, {"开", "開"}, {"举", "舉"}, {"报", "報"}, {"问", "問"},
    {"题", "題"}, {"严", "嚴"}, {"组", "組"}, {"经", "經"}, {"项", "項"}, {"亲", "親"},
    {"为", "為"}, {"对", "對"}, {"员", "員"}, {"时", "時"}, {"个", "個"}, {"们", "們"},
    {"这", "這"}, {"说", "說"}, {"过", "過"}, {"国", "國"}, {"车", "車"}, {"费", "費"},
    {"饭", "飯"}, {"请", "請"}, {"给", "給"}, {"让", "讓"}, {"还", "還"}, {"没", "沒"},
    {"设", "設"}, {"关", "關"}, {"区", "區"}, {"县", "縣"}, {"万", "萬"}, {"赃", "贓"},
    {"贪", "貪"}, {"污", "汙"}, {"职", "職"}, {"干", "幹"}, {"部", "部"}, {"财", "財"},
    {"买", "買"}, {"卖", "賣"}, {"实", "實"}, {"门", "門"}, {"动", "動"}, {"处", "處"},
    {"证", "證"}, {"据", "據"}, {"录", "錄"}, {"标", "標"}, {"众", "眾"}, {"业", "業"},
    {"结", "結"}, {"账", "賬"}, {"级", "級"}, {"庆", "慶"}, {"亲", "親"}, {"戚", "戚"}};

// Code points of valid UTF-8 (the generator's own strings).
std::vector<std::string_view> Chars(std::string_view s) {
  std::vector<std::string_view> out;
  for (std::size_t i = 0; i < s.size();) {
    std::size_t j = i + 1;
    while (j < s.size() && (static_cast<unsigned char>(s[j]) & 0xC0) == 0x80) ++j;
    out.push_back(s.substr(i, j - i));
    i = j;
  }
  return out;
}

std::size_t CharCount(std::string_view s) {
  std::size_t n = 0;
  for (char c : s) n += (static_cast<unsigned char>(c) & 0xC0) != 0x80;
  return n;
}

std::string Date(Rng& rng) {
  const std::size_t y = rng.Between(2019, 2025), m = rng.Between(1, 12), d = rng.Between(1, 28);
  return std::to_string(y) + "年" + std::to_string(m) + "月" + std::to_string(d) + "日";
}

std::string Money(Rng& rng) {
  switch (rng.Below(4)) {
    case 0:
      return std::to_string(rng.Between(2, 99) * 100) + "元";
    case 1:
      return std::to_string(rng.Between(1, 50)) + "." + std::to_string(rng.Below(10)) + "万元";
    case 2:
      return std::to_string(rng.Between(1, 300)) + "万";
    default:
      return std::to_string(rng.Between(1000, 99999)) + "元";
  }
}

std::string Plate(Rng& rng) {
  static const std::vector<std::string_view> kPrefixes = {"湘A", "粤B", "川A", "鄂A", "苏E"};
  std::string p(rng.Pick(kPrefixes));
  p += "·";
  for (int i = 0; i < 5; ++i) {
    p += rng.Chance(30) ? static_cast<char>('A' + rng.Below(26))
                        : static_cast<char>('0' + rng.Below(10));
  }
  return p;
}

struct Slots {
  std::string name_written, post, unit;
};

std::string Fill(std::string_view tmpl, const Slots& s, Rng& rng) {
  std::string out;
  for (std::size_t i = 0; i < tmpl.size(); ++i) {
    if (tmpl[i] != '{' || i + 2 >= tmpl.size() || tmpl[i + 2] != '}') {
      out += tmpl[i];
      continue;
    }
    switch (tmpl[i + 1]) {
      case 'N':
        out += s.name_written;
        break;
      case 'P':
        out += s.post;
        break;
      case 'U':
        out += s.unit;
        break;
      case 'D':
        out += Date(rng);
        break;
      case 'M':
        out += Money(rng);
        break;
      case 'K':
        out += std::to_string(rng.Between(2, 30));
        break;
      case 'Y':
        out += std::to_string(rng.Between(2018, 2025));
        break;
      case 'L':
        out += rng.Pick(kPlaces);
        break;
      case 'C':
        out += rng.Pick(kCompanies);
        break;
      case 'R':
        out += rng.Pick(kRelatives);
        break;
      case 'X':
        out += Plate(rng);
        break;
      default:
        out += tmpl.substr(i, 3);
        break;
    }
    i += 2;
  }
  return out;
}

// Cuts `text` to at most `max_chars` code points at the last sentence end (。！？) if there
// is one in the second half, else hard.
std::string CutTo(const std::string& text, std::size_t max_chars) {
  const auto cps = Chars(text);
  if (cps.size() <= max_chars) return text;
  std::size_t cut = max_chars;
  for (std::size_t i = max_chars; i > max_chars / 2; --i) {
    const auto c = cps[i - 1];
    if (c == "。" || c == "！" || c == "？") {
      cut = i;
      break;
    }
  }
  std::string out;
  for (std::size_t i = 0; i < cut; ++i) out += cps[i];
  return out;
}

std::string ToTraditionalSome(std::string_view s, Rng& rng, int percent) {
  std::string out;
  for (auto c : Chars(s)) {
    auto it = kTraditional.find(c);
    out += (it != kTraditional.end() && rng.Chance(percent)) ? it->second : c;
  }
  return out;
}

std::string FullWidthChar(char c) {
  // U+FF01..U+FF5E mirror ASCII 0x21..0x7E.
  const auto cp = static_cast<std::uint32_t>(0xFF01 + (static_cast<unsigned char>(c) - 0x21));
  std::string out;
  out += static_cast<char>(0xE0 | (cp >> 12));
  out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
  out += static_cast<char>(0x80 | (cp & 0x3F));
  return out;
}

std::string ToFullWidthSome(std::string_view s, Rng& rng, int percent) {
  std::string out;
  for (char c : s) {
    const bool alnum = (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
    out += (alnum && rng.Chance(percent)) ? FullWidthChar(c) : std::string(1, c);
  }
  return out;
}

std::string Join(const std::vector<std::string>& v) {
  std::string out;
  for (const auto& s : v) out += (out.empty() ? "" : ",") + s;
  return out;
}

std::vector<std::string> Split(std::string_view s, char sep) {
  std::vector<std::string> out;
  if (s.empty()) return out;
  std::size_t i = 0;
  while (true) {
    const auto j = s.find(sep, i);
    out.emplace_back(s.substr(i, j == std::string_view::npos ? std::string_view::npos : j - i));
    if (j == std::string_view::npos) break;
    i = j + 1;
  }
  return out;
}

}  // namespace

std::optional<std::size_t> CorpusSizeFromFlag(std::string_view flag) {
  if (flag == "20k") return 20'000;
  if (flag == "200k") return 200'000;
  if (flag == "2M" || flag == "2m") return 2'000'000;
  std::size_t n = 0;
  const auto [p, ec] = std::from_chars(flag.data(), flag.data() + flag.size(), n);
  if (ec != std::errc() || p != flag.data() + flag.size() || n == 0) return std::nullopt;
  return n;
}

const std::vector<ActInfo>& Acts() { return kActs; }
const std::vector<std::string_view>& Vocabulary() { return kVocabulary; }
const std::vector<std::string_view>& Surnames() { return kSurnames; }
const std::vector<std::string_view>& GivenNameChars() { return kGivenChars; }

std::string ToTraditional(std::string_view s) {
  Rng all(0);
  return ToTraditionalSome(s, all, 100);
}

std::string ToFullWidth(std::string_view s) {
  Rng all(0);
  return ToFullWidthSome(s, all, 100);
}

CorpusRecord GenerateRecord(std::uint64_t seed, std::uint32_t id) {
  // One stream per record: records do not depend on each other.
  Rng rng(seed * 0x100000001B3ULL ^ (static_cast<std::uint64_t>(id) + 1) * 0x9E3779B97F4A7C15ULL);
  rng.Next();
  CorpusRecord r;
  r.id = id;
  const auto pad2 = [](std::size_t v) { return (v < 10 ? "0" : "") + std::to_string(v); };
  r.date = std::to_string(rng.Between(2019, 2025)) + "-" + pad2(rng.Between(1, 12)) + "-" +
           pad2(rng.Between(1, 28));
  r.unit = rng.Pick(kUnits);
  r.post = rng.Pick(kPosts);
  std::string given(rng.Pick(kGivenChars));
  std::string given_written = given;
  if (rng.Chance(70)) {
    const auto second = rng.Pick(kGivenChars);
    given += second;
    auto h = kHomophones.find(second);
    given_written += (h != kHomophones.end() && rng.Chance(15)) ? h->second : second;
  }
  const std::string surname(rng.Pick(kSurnames));
  r.target = surname + given;
  r.target_written = surname + given_written;
  // A quarter of the reports call him by surname and post only after the first mention.
  const bool short_form = rng.Chance(25);
  Slots slots{r.target_written, r.post, r.unit};

  const std::size_t first = rng.Below(kActs.size());
  std::vector<std::size_t> acts = {first};
  if (rng.Chance(30)) {
    std::size_t second = rng.Below(kActs.size());
    if (second != first) acts.push_back(second);
  }
  for (auto a : acts) {
    r.acts.emplace_back(kActs[a].key);
    const std::string d(kActs[a].discipline);
    if (std::find(r.disciplines.begin(), r.disciplines.end(), d) == r.disciplines.end()) {
      r.disciplines.push_back(d);
    }
  }

  const std::size_t target_chars = rng.Between(150, 600);
  std::string text = Fill(rng.Pick(kOpenings), slots, rng);
  text += Fill(rng.Pick(kIntros), slots, rng);
  if (short_form) slots.name_written = surname + r.post;
  // Act sentences, round-robin over the acts, then fillers, until the length is reached.
  std::vector<std::vector<std::size_t>> unused(acts.size());
  for (std::size_t i = 0; i < acts.size(); ++i) {
    for (std::size_t k = 0; k < kActSentences[acts[i]].size(); ++k) unused[i].push_back(k);
  }
  std::vector<std::size_t> fillers;
  std::size_t turn = 0;
  const std::string closing = Fill(rng.Pick(kClosings), slots, rng);
  while (CharCount(text) + CharCount(closing) < target_chars) {
    auto& pool = unused[turn % acts.size()];
    if (!pool.empty() && rng.Chance(75)) {
      const std::size_t k = rng.Below(pool.size());
      text += Fill(kActSentences[acts[turn % acts.size()]][pool[k]], slots, rng);
      pool.erase(pool.begin() + static_cast<std::ptrdiff_t>(k));
    } else {
      // Fillers do not repeat until every one has been used.
      if (fillers.empty()) {
        for (std::size_t k = 0; k < kFillers.size(); ++k) fillers.push_back(k);
      }
      const std::size_t k = rng.Below(fillers.size());
      text += Fill(kFillers[fillers[k]], slots, rng);
      fillers.erase(fillers.begin() + static_cast<std::ptrdiff_t>(k));
    }
    if (rng.Chance(4)) text += rng.Pick(kEmoji);
    ++turn;
  }
  text += closing;
  if (rng.Chance(10)) text += rng.Pick(kEmoji);
  text = CutTo(text, 600);

  if (rng.Chance(8)) {
    r.traditional = true;
    text = ToTraditionalSome(text, rng, 60);
  }
  if (rng.Chance(10)) {
    r.full_width = true;
    text = ToFullWidthSome(text, rng, 80);
  }
  r.text = std::move(text);
  return r;
}

void WriteCorpusHeader(std::ostream& out) {
  out << "id\tdate\tunit\ttarget\ttarget_written\tpost\tacts\tdisciplines\tflags\ttext\n";
}

void WriteCorpusRecord(std::ostream& out, const CorpusRecord& r) {
  std::string flags;
  if (r.traditional) flags += 't';
  if (r.full_width) flags += 'f';
  if (flags.empty()) flags = "-";
  out << r.id << '\t' << r.date << '\t' << r.unit << '\t' << r.target << '\t' << r.target_written
      << '\t' << r.post << '\t' << Join(r.acts) << '\t' << Join(r.disciplines) << '\t' << flags
      << '\t' << r.text << '\n';
}

std::optional<CorpusRecord> ReadCorpusRecord(std::istream& in, std::string* error) {
  std::string line;
  while (std::getline(in, line)) {
    if (line.rfind("id\t", 0) == 0) continue;  // the header
    const auto f = Split(line, '\t');
    std::uint32_t id = 0;
    if (f.size() != 10 ||
        std::from_chars(f[0].data(), f[0].data() + f[0].size(), id).ec != std::errc()) {
      if (error != nullptr) *error = "malformed corpus line: " + line.substr(0, 80);
      return std::nullopt;
    }
    CorpusRecord r;
    r.id = id;
    r.date = f[1];
    r.unit = f[2];
    r.target = f[3];
    r.target_written = f[4];
    r.post = f[5];
    r.acts = Split(f[6], ',');
    r.disciplines = Split(f[7], ',');
    r.traditional = f[8].find('t') != std::string::npos;
    r.full_width = f[8].find('f') != std::string::npos;
    r.text = f[9];
    return r;
  }
  return std::nullopt;
}

}  // namespace xuncha::bench
