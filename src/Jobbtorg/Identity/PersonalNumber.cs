namespace Jobbtorg.Identity;

/// <summary>
/// A Swedish personal identity number (personnummer) or co-ordination number
/// (samordningsnummer), always stored as 12 digits.
/// </summary>
public readonly record struct PersonalNumber
{
    private PersonalNumber(string value, bool isCoordinationNumber, DateOnly? birthDate)
    {
        Value = value;
        IsCoordinationNumber = isCoordinationNumber;
        BirthDate = birthDate;
    }

    /// <summary>Always 12 digits, e.g. "199001012385".</summary>
    public string Value { get; }

    /// <summary>A co-ordination number carries its day of birth plus 60.</summary>
    public bool IsCoordinationNumber { get; }

    /// <summary>Null when the co-ordination number does not give a real date (month 00, day 60, or a day past the month's end).</summary>
    public DateOnly? BirthDate { get; }

    /// <summary>The birth number (digits 7–9 of the 10-digit form) is odd for men.</summary>
    public LegalSex Sex => (Value[10] - '0') % 2 == 1 ? LegalSex.Male : LegalSex.Female;

    public string Formatted => $"{Value[..8]}-{Value[8..]}";

    /// <summary>Whole years on <paramref name="date"/>; null when the birth date is unknown.</summary>
    public int? AgeOn(DateOnly date)
    {
        if (BirthDate is not { } born) return null;
        var age = date.Year - born.Year;
        // Someone born on 29 February turns a year older on 1 March in common years.
        return (date.Month, date.Day).CompareTo((born.Month, born.Day)) < 0 ? age - 1 : age;
    }

    public override string ToString() => Value;

    public static PersonalNumber Parse(string input, DateOnly today) =>
        TryParse(input, today, out var number, out var error) ? number : throw new FormatException(Describe(error));

    /// <summary>The reason in words, for messages to the user.</summary>
    public static string Describe(PersonalNumberError error) => error switch
    {
        PersonalNumberError.Missing => "A personal identity number is required.",
        PersonalNumberError.Format => "Write the personal identity number as YYYYMMDD-NNNN or YYMMDD-NNNN (YYMMDD+NNNN from the age of 100); the three digits after the date are never 000.",
        PersonalNumberError.Date => "The personal identity number does not contain a valid date of birth.",
        PersonalNumberError.Checksum => "The check digit of the personal identity number is wrong; please check for typing errors.",
        _ => throw new ArgumentOutOfRangeException(nameof(error)),
    };

    /// <param name="today">Picks the century of the short forms and rules out birth dates in the future.</param>
    public static bool TryParse(string? input, DateOnly today, out PersonalNumber number, out PersonalNumberError error) =>
        TryParse(input, today, dated: null, out number, out error);

    /// <param name="today">Rules out birth dates in the future.</param>
    /// <param name="dated">The date of the line or request the number arrives with (an imported referral's date, a
    /// benefit month): the 10-digit forms are read as written on that day, so <c>250603-7171</c> on a 2024 referral is
    /// born in 1925. Without one (a form filled in today) they are read as written today.</param>
    public static bool TryParse(string? input, DateOnly today, DateOnly? dated, out PersonalNumber number, out PersonalNumberError error)
    {
        number = default;
        var s = input?.Trim();
        if (string.IsNullOrEmpty(s))
        {
            error = PersonalNumberError.Missing;
            return false;
        }

        // Split into an optional century, the 10-digit form and the separator.
        string? century;
        string ten;
        var separator = '-';
        switch (s.Length)
        {
            case 12: (century, ten) = (s[..2], s[2..]); break;
            case 10: (century, ten) = (null, s); break;
            case 13 or 11:
                (century, ten) = (s.Length == 13 ? s[..2] : null, s[^11..^5] + s[^4..]);
                separator = s[^5];
                break;
            default: century = ten = ""; break;
        }
        if (ten.Length != 10 || !ten.All(char.IsAsciiDigit) || (century is not null && !century.All(char.IsAsciiDigit))
            || separator is not ('-' or '+')
            || ten[6..9] == "000") // birth numbers run 001–999; 000 is never issued
        {
            error = PersonalNumberError.Format;
            return false;
        }

        var yy = int.Parse(ten[..2]);
        var month = int.Parse(ten[2..4]);
        var day = int.Parse(ten[4..6]);
        var coordination = day >= 60;
        var dayOfMonth = coordination ? day - 60 : day;

        int year;
        if (century is not null)
        {
            // The century is written out, so a "+" adds nothing (list.json treats "19090527+1474" as valid).
            year = int.Parse(century) * 100 + yy;
        }
        else
        {
            // A line dated after today is refused for its date; its number is read as written today.
            var on = dated is { } d && d < today ? d : today;
            // Latest year ending in yy whose birthday is not after that day: under 100 years old...
            year = on.Year - (on.Year - yy) % 100;
            if (year == on.Year && (month, dayOfMonth).CompareTo((on.Month, on.Day)) > 0) year -= 100;
            // ...and a "+" marks someone who has turned 100.
            if (separator == '+') year -= 100;
        }

        if (!TryBirthDate(year, month, dayOfMonth, coordination, out var birthDate)
            || (year, month, dayOfMonth).CompareTo((today.Year, today.Month, today.Day)) > 0)
        {
            error = PersonalNumberError.Date;
            return false;
        }
        if (!Luhn.IsValid(ten))
        {
            error = PersonalNumberError.Checksum;
            return false;
        }

        number = new PersonalNumber($"{year:D4}{ten[2..]}", coordination, birthDate);
        error = default;
        return true;
    }

    private static bool TryBirthDate(int year, int month, int dayOfMonth, bool coordination, out DateOnly? birthDate)
    {
        birthDate = null;
        if (year < 1 || month > 12 || dayOfMonth > 31) return false;
        if (month >= 1 && dayOfMonth >= 1 && dayOfMonth <= DateTime.DaysInMonth(year, month))
        {
            birthDate = new DateOnly(year, month, dayOfMonth);
            return true;
        }
        // The Tax Agency issues co-ordination numbers with month 00 or day 60 when the date of birth
        // is unknown, and its official test co-ordination numbers include days past the month's end
        // (e.g. 31 April); both are accepted with the birth date unknown.
        return coordination;
    }
}
