#pragma once
/// Password hashing (PBKDF2-HMAC-SHA256 from OpenSSL, salted, slow by design) and random tokens.

#include <string>
#include <string_view>

namespace motcua::service {

/// Iterations for new hashes (OWASP guidance for PBKDF2-HMAC-SHA256 is in this range).
inline constexpr int kPasswordIterations = 310000;

/// Returns "pbkdf2-sha256$<iterations>$<salt b64>$<hash b64>" for `password` with a fresh 16-byte salt.
std::string hashPassword(std::string_view password, int iterations = kPasswordIterations);

/// Returns true when `password` matches `stored` (constant-time comparison); false for any malformed hash.
bool verifyPassword(std::string_view password, std::string_view stored);

/// Checks the password rules (at least 8 characters, not only digits); throws Error(InvalidArgument).
void checkPasswordStrength(std::string_view password);

/// Returns `bytes` random bytes from OpenSSL, base64url without padding.
std::string randomToken(int bytes = 32);

/// Returns the lowercase hex SHA-256 of `text`.
std::string sha256Hex(std::string_view text);

}  // namespace motcua::service
