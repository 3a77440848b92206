namespace Jobbtorg.Identity;

/// <summary>The Luhn (mod 10) check used by personal identity and organisation numbers.</summary>
internal static class Luhn
{
    public static bool IsValid(string digits)
    {
        var sum = 0;
        for (var i = 0; i < digits.Length; i++)
        {
            // Weights 2, 1, 2, 1, ... from the left over an even number of digits.
            var product = (digits[i] - '0') * (i % 2 == 0 ? 2 : 1);
            sum += product / 10 + product % 10;
        }
        return sum % 10 == 0;
    }
}
