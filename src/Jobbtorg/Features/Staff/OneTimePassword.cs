using System.Security.Cryptography;

namespace Jobbtorg.Features.Staff;

/// <summary>The password an administrator hands over: random, strong, and only good until the user chooses their own.</summary>
public static class OneTimePassword
{
    // No 0/o, 1/i/l: read out on the phone or copied from a screen without mistakes.
    private const string Alphabet = "23456789abcdefghjkmnpqrstuvwxyz";

    /// <summary>Four groups of four, e.g. k7q3-x9mb-2ftr-8hzp: about 79 bits.</summary>
    public static string New()
    {
        Span<char> chars = stackalloc char[19];
        for (var i = 0; i < chars.Length; i++)
            chars[i] = i % 5 == 4 ? '-' : Alphabet[RandomNumberGenerator.GetInt32(Alphabet.Length)];
        return new string(chars);
    }
}
