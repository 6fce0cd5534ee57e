#include "http/proof_of_work.h"

#include <gtest/gtest.h>

#include <string>

namespace xuncha::http {
namespace {

constexpr UnixSeconds kNow = 1795744800;

// What the browser does: try 0, 1, 2, ... until the hash has enough zero bits.
std::string Solve(const std::string& challenge, int bits) {
  for (int i = 0;; ++i) {
    std::string s = std::to_string(i);
    if (PowZeroBits(challenge, s) >= bits) return s;
  }
}

TEST(ProofOfWorkTest, ZeroBitsCountsLeadingZerosOfSha256) {
  // SHA-256("abc:") = 16a3ed41... (0x16 = 0001 0110): three zero bits (`printf abc: | sha256sum`).
  EXPECT_EQ(PowZeroBits("abc", ""), 3);
}

TEST(ProofOfWorkTest, ASolvedChallengeIsAcceptedOnce) {
  ProofOfWork pow(8);
  const std::string c = pow.Challenge(kNow);
  const std::string s = Solve(c, 8);
  EXPECT_TRUE(pow.Verify(c, s, kNow + 10).ok());
  auto again = pow.Verify(c, s, kNow + 11);
  ASSERT_FALSE(again.ok());
  EXPECT_EQ(again.error().key, "pow_invalid");
}

TEST(ProofOfWorkTest, UnsolvedForgedOrExpiredChallengesAreRefused) {
  ProofOfWork pow(8);
  const std::string c = pow.Challenge(kNow);
  std::string wrong;
  for (int i = 0;; ++i) {
    if (PowZeroBits(c, std::to_string(i)) < 8) {
      wrong = std::to_string(i);
      break;
    }
  }
  EXPECT_EQ(pow.Verify(c, wrong, kNow).error().key, "pow_invalid");
  EXPECT_EQ(pow.Verify("", "1", kNow).error().key, "pow_invalid");
  // Another server's (or a forged) challenge: the MAC does not match.
  ProofOfWork other(8);
  const std::string foreign = other.Challenge(kNow);
  EXPECT_EQ(pow.Verify(foreign, Solve(foreign, 8), kNow).error().key, "pow_invalid");
  std::string tampered = c;
  tampered[3] = tampered[3] == '9' ? '8' : '9';  // the expiry
  EXPECT_EQ(pow.Verify(tampered, Solve(tampered, 8), kNow).error().key, "pow_invalid");
  // Too late.
  EXPECT_EQ(pow.Verify(c, Solve(c, 8), kNow + 3600).error().key, "pow_expired");
}

TEST(ProofOfWorkTest, OffAcceptsAnything) {
  ProofOfWork off(0);
  EXPECT_TRUE(off.Verify("", "", kNow).ok());
}

}  // namespace
}  // namespace xuncha::http
