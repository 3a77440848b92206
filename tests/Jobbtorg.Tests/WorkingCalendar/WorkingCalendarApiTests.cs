using System.Net;
using System.Text.Json;
using Jobbtorg.Tests.Http;

namespace Jobbtorg.Tests.WorkingCalendar;

/// <summary>The working-day calendar as a district's system reads it: the same deadline a case's plan is held to.</summary>
[Trait("Category", "Http")]
public sealed class WorkingCalendarApiTests(JobbtorgAppFactory app) : IClassFixture<JobbtorgAppFactory>
{
    private async Task<JsonElement> GetAsync(string url, string key = JobbtorgAppFactory.RobotKey, string? language = null)
    {
        var client = app.ApiClient(key);
        if (language is not null) client.DefaultRequestHeaders.AcceptLanguage.ParseAdd(language);
        var response = await client.GetAsync(url);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{response.StatusCode}: {body}");
        return JsonDocument.Parse(body).RootElement;
    }

    [Fact]
    public async Task Five_working_days_from_enrolment_skip_the_May_Day_holiday_as_the_domain_example_does()
    {
        var answer = await GetAsync("/api/working-days/deadline?from=2024-04-29&workingDays=5");

        Assert.Equal("2024-05-07", answer.GetProperty("deadline").GetString());
        var holiday = Assert.Single(answer.GetProperty("holidays").EnumerateArray());
        Assert.Equal("2024-05-01", holiday.GetProperty("date").GetString());
        Assert.Equal("May Day", holiday.GetProperty("name").GetString());
    }

    [Fact]
    public async Task A_deadline_over_Christmas_and_New_Year_passes_the_eves_and_lands_in_the_next_year()
    {
        var answer = await GetAsync("/api/working-days/deadline?from=2026-12-22&workingDays=5");

        // Wed 23 (1), Christmas Eve to Boxing Day and the weekend, Mon 28 (2), Tue 29 (3), Wed 30 (4), New Year's Eve and
        // Day, the weekend, Mon 4 January (5).
        Assert.Equal("2027-01-04", answer.GetProperty("deadline").GetString());
        Assert.Equal(["2026-12-24", "2026-12-25", "2026-12-26", "2026-12-31", "2027-01-01"],
            answer.GetProperty("holidays").EnumerateArray().Select(h => h.GetProperty("date").GetString()!).ToArray());
    }

    [Fact]
    public async Task Zero_working_days_is_the_day_itself()
    {
        var answer = await GetAsync("/api/working-days/deadline?from=2026-12-24&workingDays=0");

        Assert.Equal("2026-12-24", answer.GetProperty("deadline").GetString());
        Assert.Empty(answer.GetProperty("holidays").EnumerateArray());
    }

    [Fact]
    public async Task A_year_s_holidays_are_named_in_Swedish_when_asked_for_and_Ascension_Day_on_May_Day_is_one_day()
    {
        var year2008 = await GetAsync("/api/working-days/holidays?year=2008", language: "sv-SE");

        var first = year2008.EnumerateArray().Single(h => h.GetProperty("date").GetString() == "2008-05-01");
        Assert.Equal("Första maj; Kristi himmelsfärdsdag", first.GetProperty("name").GetString());
        Assert.Contains(year2008.EnumerateArray(), h => h.GetProperty("name").GetString() == "Sveriges nationaldag");
        Assert.Equal(11, year2008.GetArrayLength());
    }

    [Theory]
    [InlineData("/api/working-days/deadline?from=2026-02-30&workingDays=5", "from")]
    [InlineData("/api/working-days/deadline?workingDays=5", "from")]
    [InlineData("/api/working-days/deadline?from=2026-12-01&workingDays=261", "workingDays")]
    [InlineData("/api/working-days/deadline?from=2026-12-01&workingDays=-1", "workingDays")]
    [InlineData("/api/working-days/deadline?from=2026-12-01&workingDays=five", "workingDays")]
    [InlineData("/api/working-days/deadline?from=2099-12-31&workingDays=5", "workingDays")]
    [InlineData("/api/working-days/holidays?year=2100", "year")]
    [InlineData("/api/working-days/holidays", "year")]
    public async Task Bad_input_is_refused_naming_the_field(string url, string field)
    {
        var response = await app.ApiClient(JobbtorgAppFactory.RobotKey).GetAsync(url);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("errors");
        Assert.Equal([field], errors.EnumerateObject().Select(p => p.Name).ToArray());
    }

    [Fact]
    public async Task A_key_without_scopes_is_refused()
    {
        var response = await app.ApiClient(JobbtorgAppFactory.NoScopeKey).GetAsync("/api/working-days/holidays?year=2026");

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }
}
