using System.Globalization;
using Jobbtorg.Features.Shared;
using Jobbtorg.Tests.Http;
using Jobbtorg.Tests.Reports;
using static Jobbtorg.Tests.Reports.CaseEvents;

namespace Jobbtorg.Tests.Import;

/// <summary>
/// A date written correctly that does not exist (2023-02-29) is reported as "no such date", naming the field, on its line,
/// in the reader's language; a month that does not exist likewise. Only a date written some other way is a format error.
/// </summary>
public class NoSuchDateTests
{
    private static async Task<List<(long Line, string Reason)>> ErrorsAsync(string stream, string culture)
    {
        await using var scenario = await ScenarioDatabase.CreateAsync();
        var result = await scenario.TryImportAsync(stream);
        var previous = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentUICulture = new CultureInfo(culture);
        try
        {
            return [.. result.Errors.Select(e => (e.Line, new Texts().Format(e.Reason)))];
        }
        finally
        {
            CultureInfo.CurrentUICulture = previous;
        }
    }

    private static string Lines()
    {
        var person = TestPeople.Adult(new DateOnly(2023, 1, 1));
        return Stream(
            Referral("N-1", person, "2023-02-29"),                                           // 1
            Referral("N-2", person, "2023-01-09"),                                           // 2
            Enrolment("N-2", "2023-01-16"),                                                  // 3
            Placement("N-2", "MunicipalJob", "2023-02-01", "2023-09-31"),                    // 4
            Closure("N-2", "2023-04-31", "Studies"),                                         // 5
            BenefitMonth(person, "2023-13", true),                                           // 6
            OccupationStatus(person, "2023-02-29", "Working"),                               // 7
            Closure("N-2", "2023/12/01", "Studies"));                                        // 8
    }

    [Fact]
    public async Task A_date_that_does_not_exist_is_no_such_date_in_english()
    {
        Assert.Equal(new (long, string)[]
        {
            (1, "The field date has no such date: '2023-02-29'."),
            (4, "The field end has no such date: '2023-09-31'."),
            (5, "The field date has no such date: '2023-04-31'."),
            (6, "The field month has no such month: '2023-13'."),
            (7, "The field date has no such date: '2023-02-29'."),
            (8, "The field date must be a date written yyyy-MM-dd, not '2023/12/01'."),
        }, await ErrorsAsync(Lines(), "en-GB"));
    }

    [Fact]
    public async Task A_date_that_does_not_exist_is_no_such_date_in_swedish()
    {
        Assert.Equal(new (long, string)[]
        {
            (1, "Fältet date har ett datum som inte finns: '2023-02-29'."),
            (4, "Fältet end har ett datum som inte finns: '2023-09-31'."),
            (5, "Fältet date har ett datum som inte finns: '2023-04-31'."),
            (6, "Fältet month har en månad som inte finns: '2023-13'."),
            (7, "Fältet date har ett datum som inte finns: '2023-02-29'."),
            (8, "Fältet date ska vara ett datum skrivet åååå-mm-dd, inte '2023/12/01'."),
        }, await ErrorsAsync(Lines(), "sv-SE"));
    }
}
