#include "service/password.h"

#include "domain/core/error.h"
#include "domain/core/whole_number.h"

#include <openssl/crypto.h>
#include <openssl/evp.h>
#include <openssl/rand.h>

#include <algorithm>
#include <vector>

namespace motcua::service {
namespace {

constexpr std::string_view kScheme = "pbkdf2-sha256";
constexpr int kHashBytes = 32;

std::string base64(const unsigned char* data, std::size_t size, bool url) {
    static constexpr char kStd[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    static constexpr char kUrl[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
    const char* alphabet = url ? kUrl : kStd;
    std::string out;
    std::size_t i = 0;
    for (; i + 2 < size; i += 3) {
        const unsigned v = (static_cast<unsigned>(data[i]) << 16) | (static_cast<unsigned>(data[i + 1]) << 8) | data[i + 2];
        out += alphabet[(v >> 18) & 63];
        out += alphabet[(v >> 12) & 63];
        out += alphabet[(v >> 6) & 63];
        out += alphabet[v & 63];
    }
    if (i < size) {
        unsigned v = static_cast<unsigned>(data[i]) << 16;
        if (i + 1 < size) v |= static_cast<unsigned>(data[i + 1]) << 8;
        out += alphabet[(v >> 18) & 63];
        out += alphabet[(v >> 12) & 63];
        if (i + 1 < size) out += alphabet[(v >> 6) & 63];
    }
    return out;
}

bool decodeBase64(std::string_view text, std::vector<unsigned char>& out) {
    auto value = [](char c) -> int {
        if (c >= 'A' && c <= 'Z') return c - 'A';
        if (c >= 'a' && c <= 'z') return c - 'a' + 26;
        if (c >= '0' && c <= '9') return c - '0' + 52;
        if (c == '+' || c == '-') return 62;
        if (c == '/' || c == '_') return 63;
        return -1;
    };
    unsigned buffer = 0;
    int bits = 0;
    for (char c : text) {
        const int v = value(c);
        if (v < 0) return false;
        buffer = (buffer << 6) | static_cast<unsigned>(v);
        bits += 6;
        if (bits >= 8) {
            bits -= 8;
            out.push_back(static_cast<unsigned char>((buffer >> bits) & 0xFF));
        }
    }
    return true;
}

std::vector<unsigned char> derive(std::string_view password, const std::vector<unsigned char>& salt, int iterations) {
    std::vector<unsigned char> out(kHashBytes);
    if (PKCS5_PBKDF2_HMAC(password.data(), static_cast<int>(password.size()), salt.data(), static_cast<int>(salt.size()),
                          iterations, EVP_sha256(), kHashBytes, out.data()) != 1) {
        throw Error(ErrorCode::Internal, "Lỗi mã hóa mật khẩu.", "PKCS5_PBKDF2_HMAC failed");
    }
    return out;
}

std::vector<unsigned char> randomBytes(int bytes) {
    std::vector<unsigned char> out(static_cast<std::size_t>(bytes));
    if (RAND_bytes(out.data(), bytes) != 1) {
        throw Error(ErrorCode::Internal, "Lỗi sinh số ngẫu nhiên.", "RAND_bytes failed");
    }
    return out;
}

}  // namespace

std::string hashPassword(std::string_view password, int iterations) {
    const auto salt = randomBytes(16);
    const auto hash = derive(password, salt, iterations);
    return std::string(kScheme) + "$" + std::to_string(iterations) + "$" + base64(salt.data(), salt.size(), false) +
           "$" + base64(hash.data(), hash.size(), false);
}

bool verifyPassword(std::string_view password, std::string_view stored) {
    const auto d1 = stored.find('$');
    const auto d2 = stored.find('$', d1 == std::string_view::npos ? d1 : d1 + 1);
    const auto d3 = stored.find('$', d2 == std::string_view::npos ? d2 : d2 + 1);
    if (d1 == std::string_view::npos || d2 == std::string_view::npos || d3 == std::string_view::npos) return false;
    if (stored.substr(0, d1) != kScheme) return false;
    const auto parsed = domain::wholeNumber<int>(stored.substr(d1 + 1, d2 - d1 - 1));
    if (!parsed || *parsed < 1000 || *parsed > 10'000'000) return false;
    const int iterations = *parsed;
    std::vector<unsigned char> salt;
    std::vector<unsigned char> expected;
    if (!decodeBase64(stored.substr(d2 + 1, d3 - d2 - 1), salt) || !decodeBase64(stored.substr(d3 + 1), expected) ||
        expected.size() != static_cast<std::size_t>(kHashBytes)) {
        return false;
    }
    const auto actual = derive(password, salt, iterations);
    return CRYPTO_memcmp(actual.data(), expected.data(), expected.size()) == 0;
}

void checkPasswordStrength(std::string_view password) {
    const bool all_digits = std::all_of(password.begin(), password.end(), [](char c) { return c >= '0' && c <= '9'; });
    if (password.size() < 8 || all_digits) {
        throw Error(ErrorCode::InvalidArgument, "Mật khẩu phải có ít nhất 8 ký tự và không chỉ gồm chữ số.",
                    "weak password", "password");
    }
    if (password.size() > 256) {
        throw Error(ErrorCode::InvalidArgument, "Mật khẩu dài quá 256 ký tự.", "password too long", "password");
    }
}

std::string randomToken(int bytes) {
    const auto raw = randomBytes(bytes);
    return base64(raw.data(), raw.size(), true);
}

std::string sha256Hex(std::string_view text) {
    unsigned char digest[EVP_MAX_MD_SIZE];
    unsigned int length = 0;
    EVP_Digest(text.data(), text.size(), digest, &length, EVP_sha256(), nullptr);
    static constexpr char kHex[] = "0123456789abcdef";
    std::string out;
    for (unsigned int i = 0; i < length; ++i) {
        out += kHex[digest[i] >> 4];
        out += kHex[digest[i] & 15];
    }
    return out;
}

}  // namespace motcua::service
