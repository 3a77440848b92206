using System.Globalization;
using System.Text.Json.Serialization;
using Jobbtorg.Identity;

namespace Jobbtorg.Tests.Identity;

// Runs the shared reference vectors; each test collects every mismatch and reports them all at once.
public class PersonalNumberVectorTests
{
    // A fixed "today" after the newest official test number (2023-12-31), so the short forms read the same on any run.
    private static readonly DateOnly Today = new(2025, 6, 1);

    private sealed record Vector(
        [property: JsonPropertyName("long_format")] string LongFormat,
        [property: JsonPropertyName("short_format")] string ShortFormat,
        [property: JsonPropertyName("separated_format")] string SeparatedFormat,
        [property: JsonPropertyName("separated_long")] string SeparatedLong,
        [property: JsonPropertyName("valid")] bool Valid,
        [property: JsonPropertyName("type")] string Type,
        [property: JsonPropertyName("isMale")] bool IsMale,
        [property: JsonPropertyName("isFemale")] bool IsFemale);

    private static void AssertNoFailures(List<string> failures, int checkedCount) =>
        Assert.True(failures.Count == 0, $"{failures.Count} of {checkedCount} failed:\n{string.Join('\n', failures.Take(50))}");

    private static DateOnly DateOf(string twelveDigits, int dayOffset = 0) => new(
        int.Parse(twelveDigits[..4], CultureInfo.InvariantCulture),
        int.Parse(twelveDigits[4..6], CultureInfo.InvariantCulture),
        int.Parse(twelveDigits[6..8], CultureInfo.InvariantCulture) - dayOffset);

    [Fact]
    public void Every_written_form_in_list_json_is_judged_as_the_vectors_expect()
    {
        var vectors = TestData.Read<List<Vector>>("personnummer", "list.json");
        Assert.Equal(14, vectors.Count);
        var failures = new List<string>();
        var checkedCount = 0;

        foreach (var v in vectors)
        {
            foreach (var (form, input) in new[]
                     {
                         ("long_format", v.LongFormat), ("short_format", v.ShortFormat),
                         ("separated_format", v.SeparatedFormat), ("separated_long", v.SeparatedLong),
                     })
            {
                checkedCount++;
                var ok = PersonalNumber.TryParse(input, Today, out var number, out var error);
                if (ok != v.Valid)
                {
                    failures.Add($"{form} {input}: expected {(v.Valid ? "valid" : "invalid")}, got {(ok ? "valid" : error.ToString())}");
                    continue;
                }
                if (!ok) continue;

                // Deliberate difference from the library behind list.json: a short form without separator reads
                // as someone under 100 (domain.md), so "0905271474" is 2009-05-27, not 1909-05-27 as the long
                // form says. The library's own tests skip this comparison too.
                var expectedValue = form == "short_format" && v.SeparatedFormat.Contains('+')
                    ? "20" + v.LongFormat[2..]
                    : v.LongFormat;
                if (number.Value != expectedValue) failures.Add($"{form} {input}: value {number.Value}, expected {expectedValue}");
                if (number.IsCoordinationNumber != (v.Type == "con")) failures.Add($"{form} {input}: coordination {number.IsCoordinationNumber}, type {v.Type}");
                if ((number.Sex == LegalSex.Male) != v.IsMale || (number.Sex == LegalSex.Female) != v.IsFemale)
                    failures.Add($"{form} {input}: sex {number.Sex}");
                var expectedDate = DateOf(expectedValue, number.IsCoordinationNumber ? 60 : 0);
                if (number.BirthDate != expectedDate) failures.Add($"{form} {input}: birth date {number.BirthDate}, expected {expectedDate}");
            }
        }
        AssertNoFailures(failures, checkedCount);
    }

    [Fact]
    public void Every_official_test_personal_number_is_valid_in_long_and_short_form()
    {
        var numbers = TestData.Read<List<string>>("personnummer", "all-test-personal-numbers.json");
        Assert.Equal(41_129, numbers.Count);
        var failures = new List<string>();

        foreach (var n in numbers)
        {
            if (!PersonalNumber.TryParse(n, Today, out var number, out var error))
            {
                failures.Add($"{n}: {error}");
                continue;
            }
            if (number.Value != n || number.IsCoordinationNumber || number.BirthDate != DateOf(n))
            {
                failures.Add($"{n}: read as {number.Value}, coordination {number.IsCoordinationNumber}, born {number.BirthDate}");
                continue;
            }
            // The short form with the right separator for the age today must lead back to the same number.
            var shortForm = $"{n[2..8]}{(number.AgeOn(Today) >= 100 ? '+' : '-')}{n[8..]}";
            if (!PersonalNumber.TryParse(shortForm, Today, out var fromShort, out error))
                failures.Add($"{shortForm}: {error}");
            else if (fromShort != number)
                failures.Add($"{shortForm}: read as {fromShort.Value}, expected {n}");
            if (!PersonalNumber.TryParse(number.Formatted, Today, out var fromFormatted, out _) || fromFormatted != number)
                failures.Add($"{number.Formatted}: does not read back as {n}");
        }
        AssertNoFailures(failures, numbers.Count);
    }

    [Fact]
    public void Every_official_test_coordination_number_is_valid_as_a_coordination_number()
    {
        var numbers = TestData.Read<List<string>>("personnummer", "all-test-coordination-numbers.json");
        Assert.Equal(2_264, numbers.Count);
        var failures = new List<string>();
        var unknownDates = 0;

        foreach (var n in numbers)
        {
            if (!PersonalNumber.TryParse(n, Today, out var number, out var error))
            {
                failures.Add($"{n}: {error}");
                continue;
            }
            if (number.Value != n || !number.IsCoordinationNumber)
                failures.Add($"{n}: read as {number.Value}, coordination {number.IsCoordinationNumber}");

            var month = int.Parse(n[4..6], CultureInfo.InvariantCulture);
            var day = int.Parse(n[6..8], CultureInfo.InvariantCulture) - 60;
            var year = int.Parse(n[..4], CultureInfo.InvariantCulture);
            // Month 00 or day 60 means the birth date is unknown; 24 official test numbers also carry a day past
            // the end of the month (e.g. 31 April), which we accept with the birth date unknown as well.
            var dateKnown = month > 0 && day > 0 && day <= DateTime.DaysInMonth(year, month);
            if (dateKnown)
            {
                if (number.BirthDate != new DateOnly(year, month, day)) failures.Add($"{n}: born {number.BirthDate}");
            }
            else
            {
                unknownDates++;
                if (number.BirthDate is not null || number.AgeOn(Today) is not null)
                    failures.Add($"{n}: birth date {number.BirthDate} and age {number.AgeOn(Today)} should be unknown");
            }
        }
        AssertNoFailures(failures, numbers.Count);
        Assert.Equal(132 + 41 - 3 + 24, unknownDates); // month 00, day 60, both, past the month's end
    }
}
