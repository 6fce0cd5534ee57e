#include "domain/search_query.h"

namespace xuncha {
namespace {

Error Bad(const std::string& what) { return InvalidArgument(what, "bad_search_query"); }

enum class Tok { kWord, kPhrase, kOr, kNot, kOpen, kClose, kEnd };

struct Token {
  Tok kind = Tok::kEnd;
  std::string text;
};

bool IsSpace(std::string_view s, std::size_t i, std::size_t* len) {
  const auto c = static_cast<unsigned char>(s[i]);
  if (c == ' ' || c == '\t' || c == '\r' || c == '\n') {
    *len = 1;
    return true;
  }
  // U+3000 IDEOGRAPHIC SPACE, as typed by Chinese input methods.
  if (s.substr(i, 3) == "\xe3\x80\x80") {
    *len = 3;
    return true;
  }
  return false;
}

// Full-width forms of the operators count too: “”, （）, ｜, －.
bool Starts(std::string_view s, std::size_t i, std::string_view what) {
  return s.substr(i, what.size()) == what;
}

Result<std::vector<Token>> Lex(std::string_view s) {
  std::vector<Token> out;
  std::size_t i = 0;
  while (i < s.size()) {
    std::size_t len = 0;
    if (IsSpace(s, i, &len)) {
      i += len;
      continue;
    }
    if (s[i] == '"' || Starts(s, i, "“") || Starts(s, i, "”")) {
      const std::size_t open = s[i] == '"' ? 1 : 3;
      std::size_t j = i + open;
      std::string text;
      bool closed = false;
      while (j < s.size()) {
        if (s[j] == '"') {
          j += 1;
          closed = true;
          break;
        }
        if (Starts(s, j, "”") || Starts(s, j, "“")) {
          j += 3;
          closed = true;
          break;
        }
        text += s[j];
        ++j;
      }
      if (!closed) return Bad("unbalanced quotes");
      if (text.find_first_not_of(" \t") == std::string::npos) return Bad("empty phrase");
      out.push_back({Tok::kPhrase, std::move(text)});
      i = j;
      continue;
    }
    if (s[i] == '(' || Starts(s, i, "（")) {
      out.push_back({Tok::kOpen, ""});
      i += s[i] == '(' ? 1 : 3;
      continue;
    }
    if (s[i] == ')' || Starts(s, i, "）")) {
      out.push_back({Tok::kClose, ""});
      i += s[i] == ')' ? 1 : 3;
      continue;
    }
    if (s[i] == '|' || Starts(s, i, "｜")) {
      out.push_back({Tok::kOr, ""});
      i += s[i] == '|' ? 1 : 3;
      continue;
    }
    if (s[i] == '-' || Starts(s, i, "－")) {
      // A minus starts a negation only at the start of a word: "1-2" stays one word.
      out.push_back({Tok::kNot, ""});
      i += s[i] == '-' ? 1 : 3;
      continue;
    }
    // A word runs to the next space or operator character.
    std::size_t j = i;
    while (j < s.size()) {
      std::size_t l = 0;
      if (IsSpace(s, j, &l) || s[j] == '"' || s[j] == '(' || s[j] == ')' || s[j] == '|' ||
          Starts(s, j, "“") || Starts(s, j, "”") || Starts(s, j, "（") || Starts(s, j, "）") ||
          Starts(s, j, "｜")) {
        break;
      }
      ++j;
    }
    std::string word(s.substr(i, j - i));
    if (word == "OR" || word == "或") {
      out.push_back({Tok::kOr, ""});
    } else if (word == "AND" || word == "且") {
      // AND is the default; the keyword is accepted and ignored.
    } else if (word == "NOT") {
      out.push_back({Tok::kNot, ""});
    } else {
      out.push_back({Tok::kWord, std::move(word)});
    }
    i = j;
  }
  out.push_back({Tok::kEnd, ""});
  return out;
}

// Recursive descent:  or := and ("OR" and)* ; and := unary+ ; unary := "-" unary | primary ;
// primary := word | phrase | "(" or ")".
class Parser {
 public:
  Parser(std::vector<Token> toks, const QueryLimits& limits)
      : toks_(std::move(toks)), limits_(limits) {}

  Result<QueryNode> Parse() {
    XUNCHA_ASSIGN_OR_RETURN(QueryNode n, Or(0));
    if (Peek() != Tok::kEnd)
      return Bad(Peek() == Tok::kClose ? "unbalanced parentheses" : "unexpected operator");
    return n;
  }

 private:
  Tok Peek() const { return toks_[pos_].kind; }

  Result<QueryNode> Or(int depth) {
    if (depth > limits_.max_depth) return Bad("query nested too deep");
    XUNCHA_ASSIGN_OR_RETURN(QueryNode first, And(depth));
    if (Peek() != Tok::kOr) return first;
    QueryNode n;
    n.kind = QueryNode::Kind::kOr;
    n.children.push_back(std::move(first));
    while (Peek() == Tok::kOr) {
      ++pos_;
      if (Peek() == Tok::kEnd || Peek() == Tok::kClose || Peek() == Tok::kOr) {
        return Bad("OR needs a term on each side");
      }
      XUNCHA_ASSIGN_OR_RETURN(QueryNode next, And(depth));
      n.children.push_back(std::move(next));
    }
    return n;
  }

  Result<QueryNode> And(int depth) {
    QueryNode n;
    n.kind = QueryNode::Kind::kAnd;
    while (Peek() == Tok::kWord || Peek() == Tok::kPhrase || Peek() == Tok::kNot ||
           Peek() == Tok::kOpen) {
      XUNCHA_ASSIGN_OR_RETURN(QueryNode u, Unary(depth));
      n.children.push_back(std::move(u));
    }
    if (n.children.empty()) {
      return Bad(Peek() == Tok::kOr ? "OR needs a term on each side" : "empty query");
    }
    if (n.children.size() == 1) return std::move(n.children.front());
    return n;
  }

  Result<QueryNode> Unary(int depth) {
    if (Peek() == Tok::kNot) {
      ++pos_;
      if (Peek() == Tok::kNot) return Bad("double negation");
      if (Peek() != Tok::kWord && Peek() != Tok::kPhrase && Peek() != Tok::kOpen) {
        return Bad("NOT needs a term");
      }
      QueryNode n;
      n.kind = QueryNode::Kind::kNot;
      XUNCHA_ASSIGN_OR_RETURN(QueryNode inner, Primary(depth));
      n.children.push_back(std::move(inner));
      return n;
    }
    return Primary(depth);
  }

  Result<QueryNode> Primary(int depth) {
    const Token& t = toks_[pos_];
    if (t.kind == Tok::kWord || t.kind == Tok::kPhrase) {
      if (++terms_ > limits_.max_terms) return Bad("too many terms");
      QueryNode n;
      n.kind = t.kind == Tok::kWord ? QueryNode::Kind::kTerm : QueryNode::Kind::kPhrase;
      n.text = t.text;
      ++pos_;
      return n;
    }
    if (t.kind == Tok::kOpen) {
      ++pos_;
      XUNCHA_ASSIGN_OR_RETURN(QueryNode n, Or(depth + 1));
      if (Peek() != Tok::kClose) return Bad("unbalanced parentheses");
      ++pos_;
      return n;
    }
    return Bad("unexpected operator");
  }

  std::vector<Token> toks_;
  QueryLimits limits_;
  std::size_t pos_ = 0;
  std::size_t terms_ = 0;
};

void Collect(const QueryNode& n, std::vector<std::string>& out) {
  switch (n.kind) {
    case QueryNode::Kind::kTerm:
    case QueryNode::Kind::kPhrase:
      out.push_back(n.text);
      return;
    case QueryNode::Kind::kNot:
      return;
    case QueryNode::Kind::kAnd:
    case QueryNode::Kind::kOr:
      for (const auto& c : n.children) Collect(c, out);
      return;
  }
}

}  // namespace

Result<QueryNode> ParseSearchQuery(std::string_view q, const QueryLimits& limits) {
  if (q.size() > limits.max_bytes) return Bad("query too long");
  XUNCHA_ASSIGN_OR_RETURN(auto toks, Lex(q));
  Parser p(std::move(toks), limits);
  XUNCHA_ASSIGN_OR_RETURN(QueryNode n, p.Parse());
  if (!MatchesAlone(n)) return Bad("a query of negations only matches nothing on its own");
  return n;
}

// A query must be able to match something on its own (a lone "-吃喝" would mean "everything
// except", a full scan by another name).
bool MatchesAlone(const QueryNode& n) {
  switch (n.kind) {
    case QueryNode::Kind::kTerm:
    case QueryNode::Kind::kPhrase:
      return true;
    case QueryNode::Kind::kNot:
      return false;
    case QueryNode::Kind::kAnd:
      for (const auto& c : n.children) {
        if (MatchesAlone(c)) return true;
      }
      return false;
    case QueryNode::Kind::kOr:
      for (const auto& c : n.children) {
        if (!MatchesAlone(c)) return false;
      }
      return true;
  }
  return false;
}

std::string QueryToString(const QueryNode& n) {
  switch (n.kind) {
    case QueryNode::Kind::kTerm:
      return "\"" + n.text + "\"";
    case QueryNode::Kind::kPhrase:
      return "[" + n.text + "]";
    case QueryNode::Kind::kNot:
      return "(NOT " + QueryToString(n.children.front()) + ")";
    case QueryNode::Kind::kAnd:
    case QueryNode::Kind::kOr: {
      std::string s = n.kind == QueryNode::Kind::kAnd ? "(AND" : "(OR";
      for (const auto& c : n.children) s += " " + QueryToString(c);
      return s + ")";
    }
  }
  return "";
}

std::vector<std::string> PositiveTerms(const QueryNode& n) {
  std::vector<std::string> out;
  Collect(n, out);
  return out;
}

}  // namespace xuncha
