using System.Security.Cryptography;
using System.Text;

namespace Jobbtorg.Features.DistrictMessages;

public static class MessageSignature
{
    public const string SignatureHeader = "X-Jobbtorg-Signature";
    public const string MessageIdHeader = "X-Jobbtorg-Message-Id";
    public const string KindHeader = "X-Jobbtorg-Message-Kind";

    /// <summary>"sha256=" and the lower-case hex HMAC-SHA256 of the body under the district's secret.</summary>
    public static string Sign(byte[] body, string secret) =>
        "sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), body));

    public static bool Verify(byte[] body, string secret, string? header) =>
        header is not null && CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(Sign(body, secret)), Encoding.ASCII.GetBytes(header));
}
