-- wrk script for bench/submit/run.sh: POST /api/v1/public/reports with a realistic public report
-- (300-600 Chinese characters, different on every request; every other request anonymous, the
-- others signed with a name and a phone), and count 201 Created as durable submissions.
--
--   wrk -t2 -c16 -d15s --latency -s submit.lua http://127.0.0.1:PORT -- ASSIGNMENT_ID [ID...]
--   wrk ... -s submit.lua http://127.0.0.1:PORT -- healthz     (GET /healthz, counts 200s)
--
-- done() prints one machine-readable line (RESULT ...) and exits with status 3 if any response
-- was not the expected status (201, or 200 for healthz): the benchmark must fail loudly.

local fragments = {
  "我是该单位的一名普通职工，实在看不下去才通过巡察组的网上渠道反映情况。",
  "该局办公室主任长期利用职务便利，在办公用品采购中指定其亲属开办的文具店供货，价格明显高于市场价。",
  "去年下半年单位组织的所谓业务培训，实际上是带着家属到外地景区游玩，费用全部在培训费中列支。",
  "局里的两辆公务用车周末经常停在某领导家小区楼下，节假日也被开回老家，加油卡由办公室统一充值。",
  "二〇二四年单位招聘编外人员时，面试名单提前被内定，最后录用的三个人中有两个是中层干部的子女。",
  "某科长在项目验收中收受施工方送的购物卡，逢年过节还收取烟酒，单位里很多人都知道但没人敢说。",
  "单位食堂账目混乱，食材采购没有比价，长期由同一家供应商送货，据说供应商老板和分管领导是同学。",
  "一些下属单位为了应付检查，临时补做会议记录和台账，整改报告写得很好，实际问题一点没有解决。",
  "在乡村道路改造工程中，设计变更后工程量增加了将近一半，追加的款项没有经过集体研究就拨付了。",
  "有干部在工作时间打麻将，群众到窗口办事经常找不到人，打电话也没人接，办事要跑好几趟。",
  "该单位违规发放津贴补贴，以加班费、值班费的名义每月给每人多发几百元，领导班子成员拿得更多。",
  "困难群众救助资金的发放名单中有不符合条件的人员，其中有村干部的亲戚，真正困难的人反而没有评上。",
  "单位有干部在外面违规经商办企业，以他人名义入股，还把单位的业务介绍给自己参股的公司。",
  "上级要求精简文件会议，但我们单位的会议反而越来越多，很多会议只是层层传达，没有实际内容。",
  "巡察进驻以后，有领导私下找职工谈话，暗示大家不要乱说话，反映问题要先向单位报告。",
  "以上情况我有部分票据复印件和照片，如果巡察组需要，我愿意配合提供，请对我的信息保密。",
  "希望巡察组能够认真核查，还单位一个风清气正的环境，也给老实干活的同志一个公道。",
  "这些问题群众早有议论，以前也向单位反映过，但一直没有下文，所以这次直接向巡察组反映。",
}
-- Characters per fragment (all are three-byte UTF-8 Chinese text and punctuation).
local fragment_chars = {}
for i, f in ipairs(fragments) do fragment_chars[i] = #f / 3 end

local persons = {
  { "王某某", "办公室主任" }, { "李某", "副局长" }, { "张某某", "财务科科长" },
  { "刘某", "项目负责人" }, { "陈某某", "分管副主任" }, { "赵某", "后勤服务中心主任" },
}
local surnames = { "王", "李", "张", "刘", "陈", "杨", "黄", "赵", "周", "吴" }
local given = { "建国", "秀英", "志强", "丽娟", "海涛", "桂兰", "明", "静", "军", "芳" }
local places = { "单位办公楼", "某乡镇", "项目工地", "局机关食堂", "" }

-- Per-thread state (each wrk thread runs this file in its own Lua state).
mode = "submit"
ids = {}
sent = 0
n_expected = 0
n_other = 0
other = ""       -- "status:count ..." of unexpected statuses, and the first such body
first_bad_body = ""
local counts = {}
local expected_status = 201

function init(args)
  if args[1] == "healthz" then
    mode = "healthz"
    expected_status = 200
  else
    for _, a in ipairs(args) do ids[#ids + 1] = tonumber(a) end
    if #ids == 0 then error("submit.lua: pass assignment ids after --") end
  end
  math.randomseed((id or 1) * 1000003 + os.time())
end

local function content()
  local target = math.random(300, 600)
  local parts, chars = {}, 0
  while chars < target do
    local i = math.random(#fragments)
    parts[#parts + 1] = fragments[i]
    chars = chars + fragment_chars[i]
  end
  -- A number makes every report unique, as real ones are.
  parts[#parts + 1] = string.format("涉及金额约%d元。", math.random(1000, 999999))
  return table.concat(parts)
end

local function body(n)
  local p = persons[math.random(#persons)]
  local ps = string.format('{"name":"%s","post":"%s"}', p[1], p[2])
  if math.random(2) == 1 then
    local q = persons[math.random(#persons)]
    ps = ps .. string.format(',{"name":"%s","post":"%s"}', q[1], q[2])
  end
  local place = places[math.random(#places)]
  local reporter
  local anonymous = (n % 2 == 0)
  if anonymous then
    reporter = '{}'
  else
    reporter = string.format('{"name":"%s%s","phone":"1%010d"}',
      surnames[math.random(#surnames)], given[math.random(#given)], math.random(0, 2147483646))
  end
  return string.format(
    '{"assignment_id":%d,"anonymous":%s,"reporter":%s,"persons":[%s],"content":"%s",' ..
    '"happened":"2026年以来","place":"%s"}',
    ids[(n % #ids) + 1], anonymous and "true" or "false", reporter, ps, content(), place)
end

local headers = { ["Content-Type"] = "application/json" }

function request()
  sent = sent + 1
  if mode == "healthz" then return wrk.format("GET", "/healthz") end
  return wrk.format("POST", "/api/v1/public/reports", headers, body(sent + (id or 0)))
end

function response(status, hdrs, resp_body)
  if status == expected_status then
    n_expected = n_expected + 1
    return
  end
  n_other = n_other + 1
  counts[status] = (counts[status] or 0) + 1
  local s = {}
  for k, v in pairs(counts) do s[#s + 1] = k .. ":" .. v end
  other = table.concat(s, ",")
  if first_bad_body == "" then first_bad_body = string.sub(resp_body or "", 1, 300) end
end

-- Main-state side: collect the threads, then read their counters in done().
local threads = {}

function setup(thread)
  thread:set("id", #threads + 1)
  threads[#threads + 1] = thread
end

function done(summary, latency, requests)
  local sum_sent, sum_ok, sum_other, others, bodies = 0, 0, 0, {}, {}
  for _, t in ipairs(threads) do
    sum_sent = sum_sent + t:get("sent")
    sum_ok = sum_ok + t:get("n_expected")
    sum_other = sum_other + t:get("n_other")
    local o = t:get("other")
    if o ~= "" then others[#others + 1] = o end
    local b = t:get("first_bad_body")
    if b ~= "" then bodies[#bodies + 1] = b end
  end
  local e = summary.errors
  local secs = summary.duration / 1e6
  -- "ok" = 201s (submit) or 200s (healthz). sent - completed = requests in flight when wrk
  -- stopped: the server may still commit those, unacknowledged (run.sh accounts for them).
  io.write(string.format(
    "RESULT ok=%d other=%d completed=%d sent=%d seconds=%.3f ok_per_s=%.1f " ..
    "p50_ms=%.3f p90_ms=%.3f p99_ms=%.3f max_ms=%.3f mean_ms=%.3f " ..
    "err_connect=%d err_read=%d err_write=%d err_timeout=%d other_statuses=%s\n",
    sum_ok, sum_other, summary.requests, sum_sent, secs, sum_ok / secs,
    latency:percentile(50) / 1000, latency:percentile(90) / 1000,
    latency:percentile(99) / 1000, latency.max / 1000, latency.mean / 1000,
    e.connect, e.read, e.write, e.timeout, #others > 0 and table.concat(others, ";") or "-"))
  if sum_other > 0 or e.connect > 0 or e.read > 0 or e.write > 0 or e.timeout > 0 then
    io.write("FAIL: unexpected responses or socket errors; first bodies: " ..
             table.concat(bodies, " | ") .. "\n")
    io.flush()
    os.exit(3)
  end
  io.flush()
end
