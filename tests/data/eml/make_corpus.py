#!/usr/bin/env python3
"""Writes the .eml test corpus of src/mail/mime_parser_test.cc into this directory.

Every message is fictional (示例数据): the people, units and addresses are made up, and the
example.com/example.org domains are reserved. The files are committed together with this script;
run it again (python3 tests/data/eml/make_corpus.py) after changing it and commit both. The output
is deterministic: fixed boundaries, dates and ids, no randomness.

Standard library only. Bodies are encoded here with base64/quopri and the email package's
encoded-word helpers rather than email.generator, so that each file is byte-for-byte what the
test expects, including the deliberately broken ones.
"""

import base64
import codecs
import email.base64mime
import email.quoprimime
import os
import quopri
import urllib.parse

HERE = os.path.dirname(os.path.abspath(__file__))

# Python's codec for each MIME charset name used below.
CODEC = {"gbk": "gbk", "gb2312": "gbk", "gb18030": "gb18030", "big5": "big5", "utf-8": "utf-8"}


def encoded_words(text, charset, enc, chars_per_word=12, codec=None):
    """RFC 2047 encoded-words for `text`, split every `chars_per_word` characters (never inside a
    character) and folded onto continuation lines, as mail clients do for long subjects. `codec`
    overrides the Python codec, to write mislabelled text (GB18030 bytes labelled GBK)."""
    codec = codecs.lookup(codec or CODEC[charset.lower()]).name
    words = []
    for i in range(0, len(text), chars_per_word):
        raw = text[i:i + chars_per_word].encode(codec)
        if enc == "B":
            words.append(email.base64mime.header_encode(raw, charset))
        else:
            words.append(email.quoprimime.header_encode(raw, charset))
    return "\n ".join(words)


def b64_body(data):
    return base64.encodebytes(data).decode("ascii")


def qp_body(data):
    return quopri.encodestring(data).decode("ascii")


def write(name, head, body=b"", newline="\n"):
    """Writes headers (str, ASCII or already-encoded) and a body (bytes) with the given newline."""
    data = head.encode("ascii") if isinstance(head, str) else head
    data = data + b"\n" + (body if isinstance(body, bytes) else body.encode("ascii"))
    if newline != "\n":
        data = data.replace(b"\n", newline.encode("ascii"))
    with open(os.path.join(HERE, name), "wb") as f:
        f.write(data)


# --- GBK body in quoted-printable; subject and sender name as GBK B encoded-words ---------------
GBK_TEXT = (
    "巡察组领导：\n"
    "\n"
    "我反映市某局办公室某科长（化名李某）在2023年春节前后，先后三次收受下属单位负责人所送礼金"
    "（合计=12000元），并利用职务便利在项目验收中为其提供帮助。\n"
    "\n"
    "以上情况属实，请组织调查核实。\n"
    "\n"
    "一名知情职工\n"
    "2024年3月5日\n"
)
write(
    "gbk_qp.eml",
    "From: " + encoded_words("一名知情职工", "GBK", "B") + " <reporter01@example.com>\n"
    "To: xuncha-group1@example.org\n"
    "Subject: " + encoded_words("反映市某局某科长违规收受礼金问题", "GBK", "B") + "\n"
    "Date: Tue, 05 Mar 2024 10:20:00 +0800\n"
    "Message-ID: <20240305102000.1001@mail.example.com>\n"
    "MIME-Version: 1.0\n"
    'Content-Type: text/plain; charset="GBK"\n'
    "Content-Transfer-Encoding: quoted-printable\n",
    qp_body(GBK_TEXT.encode("gbk")),
)

# --- GB18030 body with characters outside GBK (four-byte sequences); the subject holds such a ----
# --- character but is labelled GBK, as many clients label it -----------------------------------
GB18030_TEXT = (
    "巡察组：\n"
    "区住建局副局长张𠀀多次插手辖区道路改造工程招投标，指定由其亲属王𪚥实际控制的公司中标。\n"
    "相关合同编号为QJ-2023-017。\n"
)
write(
    "gb18030_rare.eml",
    "From: =?gb18030?B?" + base64.b64encode("匿名".encode("gb18030")).decode() + "?= "
    "<anon02@example.com>\n"
    "To: xuncha-group1@example.org\n"
    "Subject: " + encoded_words("举报区住建局副局长张𠀀插手工程招投标", "GBK", "B", 40, "gb18030")
    + "\n"
    "Date: Wed, 06 Mar 2024 08:05:09 +0800\n"
    "Message-ID: <gb18030-rare-0002@mail.example.com>\n"
    "MIME-Version: 1.0\n"
    "Content-Type: text/plain; charset=gb18030\n"
    "Content-Transfer-Encoding: base64\n",
    b64_body(GB18030_TEXT.encode("gb18030")),
)

# --- Big5 body in base64, CRLF line endings ------------------------------------------------------
BIG5_TEXT = (
    "巡察組：\r\n"
    "某鎮財政所會計陳某自2022年起多次挪用專項資金，用於個人炒股，金額約人民幣三十萬元。\r\n"
    "請依法查處。\r\n"
)
write(
    "big5_base64.eml",
    "From: =?big5?B?" + base64.b64encode("陳先生".encode("big5")).decode() + "?= "
    "<chen03@example.com>\n"
    "To: xuncha-group2@example.org\n"
    "Subject: " + encoded_words("反映某鎮財政所會計挪用公款", "big5", "B", 40) + "\n"
    "Date: Thu, 07 Mar 2024 21:30:00 +0800\n"
    "Message-ID: <big5.0003@mail.example.com>\n"
    "MIME-Version: 1.0\n"
    "Content-Type: text/plain; charset=big5\n"
    "Content-Transfer-Encoding: base64\n",
    b64_body(BIG5_TEXT.encode("big5")),
    newline="\r\n",
)

# --- UTF-8 multipart/alternative: the text/plain alternative wins; subject in UTF-8 Q -----------
ALT_PLAIN = "某街道办事处2023年以加班费名义违规发放津贴补贴，人均每月800元。\n发放明细另附。\n"
ALT_HTML = (
    "<html><body><p>某街道办事处2023年以<b>加班费</b>名义违规发放津贴补贴，"
    "人均每月800元。</p><p>发放明细另附。</p></body></html>\n"
)
write(
    "utf8_alternative.eml",
    "From: " + encoded_words("赵某", "UTF-8", "Q") + " <zhao04@example.com>\n"
    "To: xuncha-group1@example.org\n"
    "Subject: " + encoded_words("关于某街道办违规发放津贴补贴的情况反映", "UTF-8", "Q", 10) + "\n"
    "Date: Fri, 08 Mar 2024 12:00:00 +0000\n"
    "Message-ID: <alt-0004@mail.example.com>\n"
    "MIME-Version: 1.0\n"
    'Content-Type: multipart/alternative; boundary="==alt-4=="\n',
    "This is a multi-part message in MIME format.\n"
    "\n"
    "--==alt-4==\n"
    "Content-Type: text/plain; charset=utf-8\n"
    "Content-Transfer-Encoding: base64\n"
    "\n" + b64_body(ALT_PLAIN.encode("utf-8")) + "\n"
    "--==alt-4==\n"
    "Content-Type: text/html; charset=utf-8\n"
    "Content-Transfer-Encoding: quoted-printable\n"
    "\n" + qp_body(ALT_HTML.encode("utf-8")) + "\n"
    "--==alt-4==--\n",
)

# --- HTML only: tags stripped, entities decoded, line breaks kept; subject in UTF-8 B ------------
HTML_ONLY = (
    "<!DOCTYPE html>\n"
    "<html><head><title>标题不算正文</title>\n"
    "<style>p { color: red; }</style>\n"
    "<script>alert('x');</script></head>\n"
    "<body>\n"
    "<!-- 注释不算正文 -->\n"
    "<p>某区教育局干部李某长期&nbsp;公&#36710;私用，\n"
    "   周末驾驶&#x516C;车往返老家。</p>\n"
    "<div>时间&amp;地点：<br>2024年2月10日&lt;除夕&gt;<br/>某县某村</div>\n"
    "<ul><li>车牌：某A·12345</li><li>&quot;公务用车&quot;标识已遮挡</li></ul>\n"
    "<table><tr><td>日期</td><td>里程</td></tr><tr><td>2月10日</td><td>320公里</td></tr></table>\n"
    "<p>&copy; 一名群众 &unknown; &#0; &#x110000;</p>\n"
    "</body></html>\n"
)
write(
    "html_only.eml",
    "From: =?UTF-8?B?" + base64.b64encode("一名群众".encode()).decode() + "?= <qz05@example.com>\n"
    "To: xuncha-group2@example.org\n"
    "Subject: " + encoded_words("某区教育局干部公车私用问题", "UTF-8", "B", 40) + "\n"
    "Date: Sat, 09 Mar 2024 07:45:00 +0800\n"
    "Message-ID: <html-only-0005@mail.example.com>\n"
    "MIME-Version: 1.0\n"
    "Content-Type: text/html; charset=utf-8\n"
    "Content-Transfer-Encoding: base64\n",
    b64_body(HTML_ONLY.encode("utf-8")),
)

# --- No Message-ID; subject as GBK Q encoded-words; 8-bit UTF-8 body -----------------------------
write(
    "no_message_id.eml",
    "From: reporter06@example.com\n"
    "To: xuncha-group1@example.org\n"
    "Subject: " + encoded_words("反映某乡镇卫生院违规收费", "GBK", "Q", 6) + "\n"
    "Date: Sun, 10 Mar 2024 16:00:00 +0800\n"
    "MIME-Version: 1.0\n"
    "Content-Type: text/plain; charset=utf-8\n"
    "Content-Transfer-Encoding: 8bit\n",
    "某乡镇卫生院对参合农民重复收取检查费，每人次多收50元。\n".encode("utf-8"),
)

# --- Attachment with an RFC 2047 filename; GBK text labelled gb2312 (王喆: 喆 is not in GB2312) ---
PDF = b"%PDF-1.4\n% fictional test file\n1 0 obj << /Type /Catalog >> endobj\n%%EOF\n"
GB2312_NAME = "举报材料（王喆）.pdf"
write(
    "attachment_rfc2047.eml",
    "From: =?gb2312?B?" + base64.b64encode("王喆的同事".encode("gbk")).decode() + "?= "
    "<colleague07@example.com>\n"
    "To: xuncha-group1@example.org\n"
    "Subject: =?gb2312?B?" + base64.b64encode("反映某所所长王喆违规报销".encode("gbk")).decode()
    + "?=\n"
    "Date: Mon, 11 Mar 2024 09:15:00 +0800\n"
    "Message-ID: <attach-2047-0007@mail.example.com>\n"
    "MIME-Version: 1.0\n"
    'Content-Type: multipart/mixed; boundary="----=_Part_7"\n',
    "------=_Part_7\n"
    "Content-Type: text/plain; charset=utf-8\n"
    "Content-Transfer-Encoding: base64\n"
    "\n" + b64_body("详见附件。\n".encode("utf-8")) + "\n"
    "------=_Part_7\n"
    'Content-Type: application/pdf; name="=?gb2312?B?'
    + base64.b64encode(GB2312_NAME.encode("gbk")).decode() + '?="\n'
    "Content-Transfer-Encoding: base64\n"
    'Content-Disposition: attachment; filename="=?gb2312?B?'
    + base64.b64encode(GB2312_NAME.encode("gbk")).decode() + '?="\n'
    "\n" + b64_body(PDF) + "\n"
    "------=_Part_7\n"
    "Content-Type: image/jpeg\n"
    "Content-Transfer-Encoding: base64\n"
    'Content-Disposition: attachment; filename="'
    + encoded_words("张𠀀收条.jpg", "gbk", "B", 40, "gb18030") + '"\n'
    "\n" + b64_body(b"\xff\xd8\xff fictional jpeg") + "\n"
    "------=_Part_7--\n",
)

# --- RFC 2231 filenames: UTF-8, a continuation, and GBK (holding a GB18030-only character); a ---
# --- text/csv part marked as attachment --------------------------------------------------------
XLSX = b"PK\x03\x04 fictional xlsx bytes"
CSV = "姓名,金额\n李某,800\n".encode("gbk")
write(
    "attachment_rfc2231.eml",
    "From: reporter08@example.com\n"
    "To: xuncha-group2@example.org\n"
    "Subject: =?UTF-8?B?" + base64.b64encode("补充证据材料".encode()).decode() + "?=\n"
    "Date: Tue, 12 Mar 2024 11:11:11 +0800\n"
    "Message-ID: <attach-2231-0008@mail.example.com>\n"
    "MIME-Version: 1.0\n"
    "Content-Type: multipart/mixed; boundary=b2231\n",
    "--b2231\n"
    "Content-Type: text/plain; charset=utf-8\n"
    "Content-Transfer-Encoding: 8bit\n"
    "\n"
    "证据清单和发放明细见附件。\n".encode("utf-8") + (
        "\n"
        "--b2231\n"
        "Content-Type: application/vnd.openxmlformats-officedocument.spreadsheetml.sheet\n"
        "Content-Transfer-Encoding: base64\n"
        "Content-Disposition: attachment;\n"
        " filename*=UTF-8''" + urllib.parse.quote("证据清单.xlsx") + "\n"
        "\n" + b64_body(XLSX) + "\n"
        "--b2231\n"
        "Content-Type: text/csv; charset=gbk\n"
        "Content-Transfer-Encoding: base64\n"
        "Content-Disposition: attachment;\n"
        " filename*0*=UTF-8''" + urllib.parse.quote("发放") + ";\n"
        " filename*1*=" + urllib.parse.quote("明细.csv") + "\n"
        "\n" + b64_body(CSV) + "\n"
        "--b2231\n"
        "Content-Type: application/octet-stream\n"
        "Content-Transfer-Encoding: base64\n"
        "Content-Disposition: attachment;\n"
        " filename*=gbk''" + urllib.parse.quote("王𪚥录音.amr".encode("gb18030")) + "\n"
        "\n" + b64_body(b"#!AMR\n fictional audio") + "\n"
        "--b2231--\n").encode("ascii"),
)

# --- A forwarded message (message/rfc822 inside multipart/mixed) ---------------------------------
INNER = (
    "From: " + encoded_words("某局工作人员", "GBK", "B") + " <insider@example.org>\n"
    "To: reporter09@example.com\n"
    "Subject: " + encoded_words("关于某科长收受礼金的补充材料", "GBK", "B", 40) + "\n"
    "Date: Fri, 01 Mar 2024 09:00:00 +0800\n"
    "Message-ID: <inner-0009@mail.example.org>\n"
    "MIME-Version: 1.0\n"
    "Content-Type: text/plain; charset=gbk\n"
    "Content-Transfer-Encoding: 8bit\n"
    "\n").encode("ascii") + "礼金分三次送达，均在办公室交接。\n".encode("gbk")
write(
    "forwarded.eml",
    "From: reporter09@example.com\n"
    "To: xuncha-group1@example.org\n"
    "Subject: =?UTF-8?B?" + base64.b64encode("转发：补充材料".encode()).decode() + "?=\n"
    "Date: Wed, 13 Mar 2024 14:00:00 +0800\n"
    "Message-ID: <fwd-0009@mail.example.com>\n"
    "MIME-Version: 1.0\n"
    'Content-Type: multipart/mixed; boundary="fwd9"\n',
    ("--fwd9\n"
     "Content-Type: text/plain; charset=utf-8\n"
     "Content-Transfer-Encoding: 8bit\n"
     "\n").encode("ascii") + "请巡察组关注以下转发的邮件。\n".encode("utf-8") + (
        "\n"
        "--fwd9\n"
        "Content-Type: message/rfc822\n"
        "Content-Disposition: inline\n"
        "\n").encode("ascii") + INNER + b"\n--fwd9--\n",
)

# --- Truncated: multipart cut in the middle of a base64 attachment (no closing boundary) ---------
ATT = b"fictional scanned receipt " * 20
att_b64 = b64_body(ATT)
write(
    "truncated.eml",
    "From: reporter10@example.com\n"
    "To: xuncha-group2@example.org\n"
    "Subject: =?UTF-8?B?" + base64.b64encode("收据扫描件".encode()).decode() + "?=\n"
    "Date: Thu, 14 Mar 2024 10:00:00 +0800\n"
    "Message-ID: <truncated-0010@mail.example.com>\n"
    "MIME-Version: 1.0\n"
    'Content-Type: multipart/mixed; boundary="cut10"\n',
    ("--cut10\n"
     "Content-Type: text/plain; charset=utf-8\n"
     "Content-Transfer-Encoding: 8bit\n"
     "\n").encode("ascii") + "收据扫描件见附件。\n".encode("utf-8") + (
        "\n"
        "--cut10\n"
        "Content-Type: image/jpeg\n"
        "Content-Transfer-Encoding: base64\n"
        'Content-Disposition: attachment; filename="receipt.jpg"\n'
        "\n" + att_b64[:len(att_b64) // 2]).encode("ascii"),
)

# --- Wrong boundary: the header declares one boundary, the body uses another ---------------------
write(
    "wrong_boundary.eml",
    "From: reporter11@example.com\n"
    "To: xuncha-group1@example.org\n"
    "Subject: =?UTF-8?B?" + base64.b64encode("边界错误的邮件".encode()).decode() + "?=\n"
    "Date: Fri, 15 Mar 2024 10:00:00 +0800\n"
    "Message-ID: <wrong-boundary-0011@mail.example.com>\n"
    "MIME-Version: 1.0\n"
    'Content-Type: multipart/mixed; boundary="declared-A"\n',
    ("--actual-B\n"
     "Content-Type: text/plain; charset=utf-8\n"
     "Content-Transfer-Encoding: 8bit\n"
     "\n").encode("ascii") + "某村村委会主任虚报冒领低保金。\n".encode("utf-8") + b"\n--actual-B--\n",
)

# --- Path tricks and other hostile filenames -----------------------------------------------------
LONG_NAME = "关于某局某科长违规收受礼金问题的详细举报材料" * 5 + ".docx"  # 110 + 5 code points
parts = [
    ("application/octet-stream", 'filename="../../etc/passwd"', b"root:x:0:0"),
    ("application/x-msdownload", 'filename="C:\\\\evil\\\\a.exe"', b"MZ fictional"),
    ("application/msword",
     "filename*=UTF-8''" + urllib.parse.quote("报告\x01\x1b.doc"), b"fictional doc"),
    ("application/pdf",
     "filename*=UTF-8''" + urllib.parse.quote("invoice\u202efdp.exe"), b"%PDF fictional"),
    ("application/octet-stream", 'filename=".."', b"dots"),
    ("image/png", "", b"\x89PNG fictional"),
    ("application/vnd.openxmlformats-officedocument.wordprocessingml.document",
     "filename*=UTF-8''" + urllib.parse.quote(LONG_NAME), b"PK fictional"),
]
body = "--tricks\nContent-Type: text/plain; charset=utf-8\n\n附件若干。\n"
for ctype, disp, data in parts:
    body += "--tricks\nContent-Type: " + ctype + "\nContent-Transfer-Encoding: base64\n"
    body += "Content-Disposition: attachment" + ("; " + disp if disp else "") + "\n\n"
    body += b64_body(data)
body += "--tricks--\n"
write(
    "path_tricks.eml",
    "From: attacker12@example.com\n"
    "To: xuncha-group1@example.org\n"
    "Subject: path tricks\n"
    "Date: Sat, 16 Mar 2024 10:00:00 +0800\n"
    "Message-ID: <tricks-0012@mail.example.com>\n"
    "MIME-Version: 1.0\n"
    "Content-Type: multipart/mixed; boundary=tricks\n",
    body.encode("utf-8"),
)

# --- 8-bit GBK body with no charset declared (and a raw 8-bit GBK subject) -----------------------
write(
    "gbk_8bit_nocharset.eml",
    b"From: reporter13@example.com\n"
    b"To: xuncha-group2@example.org\n"
    b"Subject: " + "反映某局食堂超标准接待".encode("gbk") + b"\n"
    b"Date: Sun, 17 Mar 2024 10:00:00 +0800\n"
    b"Message-ID: <nocharset-0013@mail.example.com>\n"
    b"MIME-Version: 1.0\n"
    b"Content-Type: text/plain\n"
    b"Content-Transfer-Encoding: 8bit\n",
    "某局机关食堂以工作餐名义超标准接待上级检查组，每桌标准超过2000元。\n".encode("gbk"),
)

# --- An unknown charset label on a GBK body ------------------------------------------------------
write(
    "unknown_charset.eml",
    "From: reporter14@example.com\n"
    "To: xuncha-group1@example.org\n"
    "Subject: unknown charset\n"
    "Date: Mon, 18 Mar 2024 10:00:00 +0800\n"
    "Message-ID: <unknown-charset-0014@mail.example.com>\n"
    "MIME-Version: 1.0\n"
    "Content-Type: text/plain; charset=x-unknown\n"
    "Content-Transfer-Encoding: 8bit\n",
    "某站站长违规兼职取酬。\n".encode("gbk"),
)

# --- Declared UTF-8 with invalid bytes: they become U+FFFD ---------------------------------------
write(
    "invalid_utf8.eml",
    "From: reporter15@example.com\n"
    "To: xuncha-group2@example.org\n"
    "Subject: invalid utf-8\n"
    "Date: Tue, 19 Mar 2024 10:00:00 +0800\n"
    "Message-ID: <invalid-utf8-0015@mail.example.com>\n"
    "MIME-Version: 1.0\n"
    "Content-Type: text/plain; charset=utf-8\n"
    "Content-Transfer-Encoding: 8bit\n",
    "违规".encode("utf-8") + b"\xff\xfe" + "收费".encode("utf-8") + b"\xe6\x94\n",
)

# --- Headers only, no body at all ----------------------------------------------------------------
write(
    "headers_only.eml",
    "From: reporter16@example.com\n"
    "Subject: =?UTF-8?B?" + base64.b64encode("只有标题".encode()).decode() + "?=\n"
    "Date: Wed, 20 Mar 2024 10:00:00 +0800\n",
)
