using System.Collections.Concurrent;
using System.Globalization;
using System.Text.RegularExpressions;
using Jobbtorg.Calendar;
using Jobbtorg.Identity;

namespace Jobbtorg.Features.Shared;

/// <summary>
/// A value refused while it was read (by a JSON converter or a form binder), before any rule saw it. The message is
/// English copy with its arguments, translated where it is shown: a 400 naming the field, a form error.
/// </summary>
public sealed class InputRefusedException(string template, params object[] args)
    : Exception(string.Format(CultureInfo.InvariantCulture, template, args))
{
    public string Template { get; } = template;
    public object[] Args { get; } = args;
}

/// <summary>
/// How every input is read, the same for the API (JSON, query strings, routes), the pages (forms, query strings) and
/// where it applies the import:
/// - dates are written yyyy-MM-dd, exist, and lie in the range of <see cref="Dates"/>;
/// - enumerations are given by one of their names (in any letter case); numbers, unknown names and combinations such
///   as "Adult, Youth" are refused, so nothing but a defined value is ever stored;
/// - text never contains a NUL character, a character that could not be decoded (invalid UTF-8 arrives as U+FFFD) or
///   half a surrogate pair.
/// </summary>
public static partial class Input
{
    public const string DateFormat = "yyyy-MM-dd";

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}$")]
    private static partial Regex DateShape();

    /// <summary>Reads a date; false with the reason when it is malformed, does not exist (2023-02-29) or lies outside
    /// the accepted range.</summary>
    public static bool TryReadDate(string text, out DateOnly date, out DateProblem? problem)
    {
        var s = text.Trim();
        problem = null;
        // Date parsing would overlook a trailing NUL; a date is written with digits and dashes only.
        if (TextProblem(s) is not null)
        {
            date = default;
            problem = new DateProblem("'{0}' is not a date; write it as yyyy-MM-dd.", [s.Replace('\0', ' ')]);
            return false;
        }
        if (TryParseDate(s, out date))
        {
            problem = Dates.RangeProblem(date);
            return problem is null;
        }
        problem = HasDateShape(s)
            ? new DateProblem("There is no such date: {0}.", [s])
            : new DateProblem("'{0}' is not a date; write it as yyyy-MM-dd.", [s]);
        return false;
    }

    /// <summary>
    /// Reads exactly what <c>DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture,
    /// DateTimeStyles.None)</c> reads (four, two and two ASCII digits, a date that exists), without the general format
    /// parser, which took a third of the import's time reading its millions of dates. No range check: see
    /// <see cref="TryReadDate"/>.
    /// </summary>
    public static bool TryParseDate(ReadOnlySpan<char> text, out DateOnly date)
    {
        date = default;
        if (text.Length != 10 || text[4] != '-' || text[7] != '-'
            || !TryDigits(text[..4], out var year) || !TryDigits(text[5..7], out var month) || !TryDigits(text[8..], out var day)
            || year < 1 || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month))
            return false;
        date = new DateOnly(year, month, day);
        return true;

        static bool TryDigits(ReadOnlySpan<char> digits, out int value)
        {
            value = 0;
            foreach (var c in digits)
            {
                if (!char.IsAsciiDigit(c)) return false;
                value = value * 10 + (c - '0');
            }
            return true;
        }
    }

    /// <summary>The first day of a month written yyyy-MM, read as <see cref="TryParseDate"/> reads its first day.</summary>
    public static bool TryParseMonth(ReadOnlySpan<char> text, out DateOnly first)
    {
        Span<char> day = stackalloc char[10];
        first = default;
        if (text.Length != 7) return false;
        text.CopyTo(day);
        "-01".CopyTo(day[7..]);
        return TryParseDate(day, out first);
    }

    /// <summary>Written like a date (nnnn-nn-nn), whether or not the date exists.</summary>
    public static bool HasDateShape(string text) => DateShape().IsMatch(text.Trim());

    /// <summary>Reads an enumeration by one of its names, in any letter case; never by number.</summary>
    public static bool TryReadName<T>(string? text, out T value) where T : struct, Enum
    {
        if (text is not null && Names(typeof(T)).TryGetValue(text.Trim(), out var found))
        {
            value = (T)found;
            return true;
        }
        value = default;
        return false;
    }

    /// <summary>As <see cref="TryReadName{T}"/> for a type known at run time.</summary>
    public static bool TryReadName(Type enumType, string? text, out object? value)
    {
        value = null;
        return text is not null && Names(enumType).TryGetValue(text.Trim(), out value);
    }

    /// <summary>The names an enumeration is written with, for messages: "Adult, Youth".</summary>
    public static string NameList(Type enumType) => string.Join(", ", Enum.GetNames(enumType));

    /// <summary>Why a text is refused, as English copy; null when it is accepted.</summary>
    public static string? TextProblem(string? text)
    {
        if (string.IsNullOrEmpty(text)) return null;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '\0') return "The text contains a NUL character, which is not allowed.";
            if (c == '\uFFFD') return "The text contains characters that could not be read; send it as UTF-8.";
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1])) i++;
            else if (char.IsSurrogate(c)) return "The text contains half of a surrogate pair, which is not a character.";
        }
        return null;
    }

    /// <summary>An optional date from an API query string; a refused one is added to <paramref name="errors"/> under the field.</summary>
    public static DateOnly? QueryDate(string field, string? text, FieldErrors errors)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        if (TryReadDate(text, out var date, out var problem)) return date;
        errors.Refuse(field, problem!.Template, problem.Args);
        return null;
    }

    /// <summary>An optional enumeration from an API query string or route; a refused one is added to <paramref name="errors"/>.</summary>
    public static T? QueryName<T>(string field, string? text, FieldErrors errors) where T : struct, Enum
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        if (TryReadName<T>(text, out var value)) return value;
        errors.Refuse(field, "'{0}' is not one of {1}.", text, NameList(typeof(T)));
        return null;
    }

    /// <summary>Why a personal identity number was refused, as the person entering it is told.</summary>
    public static Message PersonalNumberProblem(PersonalNumberError error) => new Message(error switch
    {
        PersonalNumberError.Missing => "Enter the person's personal identity number.",
        PersonalNumberError.Date => "The personal identity number does not contain a valid date of birth.",
        PersonalNumberError.Checksum => "The personal identity number's check digit is wrong; check for a typing error.",
        _ => "Write the personal identity number as YYYYMMDD-NNNN.",
    });

    private static readonly ConcurrentDictionary<Type, Dictionary<string, object>> NamesByType = new();

    private static Dictionary<string, object> Names(Type enumType) => NamesByType.GetOrAdd(enumType, type =>
        Enum.GetNames(type).ToDictionary(n => n, n => Enum.Parse(type, n), StringComparer.OrdinalIgnoreCase));
}
