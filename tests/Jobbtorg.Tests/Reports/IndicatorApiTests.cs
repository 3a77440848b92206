using System.Net;
using System.Text;
using System.Text.Json;
using Jobbtorg.Tests.Http;
using static Jobbtorg.Tests.Reports.CaseEvents;

namespace Jobbtorg.Tests.Reports;

/// <summary>The report over HTTP, in the shape domain.md fixes for report robots. A database of its own, so the
/// numbers are only what these tests put in.</summary>
[Trait("Category", "Http")]
public sealed class IndicatorApiTests(JobbtorgAppFactory app) : IClassFixture<JobbtorgAppFactory>
{
    private const string Url = "/api/reports/indicators";

    private static readonly string[] SetProperties =
    [
        "enrolled", "newlyEnrolled", "closed", "closedBeforeEnrolment", "closureRate", "closureReasons", "jobGuarantee",
        "selfSufficientWithin12Months", "selfSufficientWithin12MonthsAll", "closedToWorkOrStudies", "stillSelfSupporting6Months",
        "workingOrStudying3MonthsAfterMunicipalJob", "initialAssessment", "jobsMediated", "medianDaysReferralToInfoMeeting", "medianDaysReferralToEnrolment",
    ];

    private static string[] Names(JsonElement element) => [.. element.EnumerateObject().Select(p => p.Name)];

    private async Task<JsonElement> GetJsonAsync(string query)
    {
        var response = await app.ApiClient(JobbtorgAppFactory.RobotKey).GetAsync(Url + query);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{response.StatusCode}: {body}");
        return JsonDocument.Parse(body).RootElement;
    }

    private static void AssertIsIndicatorSet(JsonElement set)
    {
        Assert.Equal(SetProperties, Names(set));
        Assert.Equal(["Work", "Studies", "EmploymentProgramme", "Other", "Unknown"], Names(set.GetProperty("closureReasons")));
        Assert.Equal(["met", "missed", "pending", "excluded", "rate"], Names(set.GetProperty("jobGuarantee")));
        Assert.Equal(["met", "missed", "pending", "excluded", "rate"], Names(set.GetProperty("initialAssessment")));
        foreach (var ratio in new[] { "selfSufficientWithin12Months", "selfSufficientWithin12MonthsAll", "closedToWorkOrStudies" })
            Assert.Equal(["numerator", "denominator", "rate"], Names(set.GetProperty(ratio)));
        foreach (var ratio in new[] { "stillSelfSupporting6Months", "workingOrStudying3MonthsAfterMunicipalJob" })
            Assert.Equal(["numerator", "denominator", "unknown", "rate"], Names(set.GetProperty(ratio)));
    }

    [Fact]
    public async Task The_report_has_the_contract_shape_with_null_for_what_was_not_measured_and_no_groups_unless_asked()
    {
        var report = await GetJsonAsync("?from=1999-01-01&to=1999-04-30&asOf=2025-06-30");

        Assert.Equal(["from", "to", "asOf", "total"], Names(report));
        Assert.Equal("1999-01-01", report.GetProperty("from").GetString());
        Assert.Equal("1999-04-30", report.GetProperty("to").GetString());
        Assert.Equal("2025-06-30", report.GetProperty("asOf").GetString());
        var total = report.GetProperty("total");
        AssertIsIndicatorSet(total);
        Assert.Equal(0, total.GetProperty("enrolled").GetInt32());
        Assert.Equal(JsonValueKind.Null, total.GetProperty("closureRate").ValueKind);
        Assert.Equal(JsonValueKind.Null, total.GetProperty("jobGuarantee").GetProperty("rate").ValueKind);
        Assert.Equal(JsonValueKind.Null, total.GetProperty("initialAssessment").GetProperty("rate").ValueKind);
        Assert.Equal(JsonValueKind.Null, total.GetProperty("stillSelfSupporting6Months").GetProperty("rate").ValueKind);
        Assert.Equal(JsonValueKind.Null, total.GetProperty("medianDaysReferralToInfoMeeting").ValueKind);
        Assert.Equal(JsonValueKind.Null, total.GetProperty("medianDaysReferralToEnrolment").ValueKind);
    }

    [Fact]
    public async Task As_of_defaults_to_today_and_the_grouping_is_read_in_any_case()
    {
        var report = await GetJsonAsync("?from=2024-01-01&to=2024-12-31&groupBy=JOBCENTRE");

        Assert.Equal(app.Today.ToString("yyyy-MM-dd"), report.GetProperty("asOf").GetString());
        Assert.Equal(["from", "to", "asOf", "total", "groups"], Names(report));
        Assert.Equal(JsonValueKind.Object, report.GetProperty("groups").ValueKind);
        foreach (var group in report.GetProperty("groups").EnumerateObject()) AssertIsIndicatorSet(group.Value);
    }

    [Fact]
    public async Task Imported_cases_are_reported_with_exact_numbers_rates_and_groups()
    {
        string[] people = [.. Enumerable.Range(0, 4).Select(_ => TestPeople.Adult(new DateOnly(2010, 1, 1)))];
        var stream = Stream(
            // Enrolled Monday 3 May 2010; the plan on Monday 10 May is the fifth working day: met.
            Referral("H-1", people[0], "2010-04-26"), InfoMeeting("H-1", "2010-04-30"), Enrolment("H-1", "2010-05-03"),
            PlanAgreed("H-1", "2010-05-10"), Closure("H-1", "2010-06-15", "Work"),
            // The plan a day late: missed.
            Referral("H-2", people[1], "2010-04-26", district: "farsta"), Enrolment("H-2", "2010-05-03"), PlanAgreed("H-2", "2010-05-11"),
            // Closed before enrolment: counted apart, and unassigned by job centre.
            Referral("H-3", people[2], "2010-05-04"), Closure("H-3", "2010-05-20", "Other"),
            // Enrolled at Kista, and after the period.
            Referral("H-4", people[3], "2010-06-20", district: "rinkeby-kista"), Enrolment("H-4", "2010-07-01", jobCentre: "kista"));
        var import = await app.ApiClient(JobbtorgAppFactory.RobotKey)
            .PostAsync("/api/import/case-events", new StringContent(stream, Encoding.UTF8, "application/x-ndjson"));
        Assert.Equal(HttpStatusCode.OK, import.StatusCode);

        var report = await GetJsonAsync("?from=2010-05-01&to=2010-06-30&asOf=2011-01-31&groupBy=jobCentre");

        var total = report.GetProperty("total");
        Assert.Equal(2, total.GetProperty("enrolled").GetInt32());
        Assert.Equal(1, total.GetProperty("closed").GetInt32());
        Assert.Equal(1, total.GetProperty("closedBeforeEnrolment").GetInt32());
        Assert.Equal(0.5, total.GetProperty("closureRate").GetDouble());
        Assert.Equal(1, total.GetProperty("closureReasons").GetProperty("Work").GetInt32());
        Assert.Equal(0, total.GetProperty("closureReasons").GetProperty("Other").GetInt32());
        Assert.Equal("""{"met":1,"missed":1,"pending":0,"excluded":0,"rate":0.5}""", total.GetProperty("jobGuarantee").GetRawText());
        Assert.Equal(4.0, total.GetProperty("medianDaysReferralToInfoMeeting").GetDouble());
        Assert.Equal(7.0, total.GetProperty("medianDaysReferralToEnrolment").GetDouble());
        var groups = report.GetProperty("groups");
        Assert.Equal(["farsta", "kista", "unassigned"], Names(groups));
        Assert.Equal(2, groups.GetProperty("farsta").GetProperty("enrolled").GetInt32());
        Assert.Equal(0, groups.GetProperty("kista").GetProperty("enrolled").GetInt32());
        Assert.Equal(1, groups.GetProperty("unassigned").GetProperty("closedBeforeEnrolment").GetInt32());
    }

    [Fact]
    public async Task Without_a_key_the_answer_is_401_and_a_key_without_reports_read_is_403()
    {
        var anonymous = await app.AnonymousClient().GetAsync(Url + "?from=2024-01-01&to=2024-12-31");
        var noScope = await app.ApiClient(JobbtorgAppFactory.NoScopeKey).GetAsync(Url + "?from=2024-01-01&to=2024-12-31");
        var districtKey = await app.ApiClient(JobbtorgAppFactory.EavKey).GetAsync(Url + "?from=2024-01-01&to=2024-12-31");

        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, noScope.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, districtKey.StatusCode);
    }

    [Theory]
    [InlineData("?to=2024-12-31", "from", "Enter the date 'from' as yyyy-MM-dd.")]
    [InlineData("?from=2024-01-01", "to", "Enter the date 'to' as yyyy-MM-dd.")]
    [InlineData("?from=2024-13-01&to=2024-12-31", "from", "There is no such date: 2024-13-01.")]
    [InlineData("?from=2024-1-01&to=2024-12-31", "from", "'2024-1-01' is not a date; write it as yyyy-MM-dd.")]
    [InlineData("?from=0001-01-01&to=2024-12-31", "from", "The date 0001-01-01 is outside the dates the system accepts, 1900-01-01 to 2099-12-31.")]
    [InlineData("?from=2024-01-01&to=2024-12-31&asOf=9999-12-31", "asOf", "The date 9999-12-31 is outside the dates the system accepts, 1900-01-01 to 2099-12-31.")]
    [InlineData("?from=2024-01-01&to=31/12/2024", "to", "'31/12/2024' is not a date; write it as yyyy-MM-dd.")]
    [InlineData("?from=2024-01-01&to=2024-12-31&asOf=yesterday", "asOf", "'yesterday' is not a date; write it as yyyy-MM-dd.")]
    [InlineData("?from=2024-12-31&to=2024-01-01", "to", "The period cannot end before it starts.")]
    [InlineData("?from=2024-01-01&to=2024-12-31&groupBy=coach", "groupBy", "'coach' is not a grouping; use reportingGroup, jobCentre, district, gender, targetGroup or benefit.")]
    [InlineData("?from=2024-01-01&to=2024-12-31&groupBy=1", "groupBy", "'1' is not a grouping; use reportingGroup, jobCentre, district, gender, targetGroup or benefit.")]
    public async Task A_bad_value_answers_400_naming_the_field(string query, string field, string message)
    {
        var response = await app.ApiClient(JobbtorgAppFactory.RobotKey).GetAsync(Url + query);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        var errors = problem.GetProperty("errors");
        Assert.Equal([field], Names(errors));
        Assert.Equal(message, errors.GetProperty(field)[0].GetString());
    }

    [Theory]
    [InlineData("", "month", "Enter the month 'month' as yyyy-MM.")]
    [InlineData("?month=2024-13", "month", "'2024-13' is not a month; write it as yyyy-MM.")]
    [InlineData("?month=2024-12-01", "month", "'2024-12-01' is not a month; write it as yyyy-MM.")]
    [InlineData("?month=2100-01", "month", "The month 2100-01 is outside the dates the system accepts, 1900-01 to 2099-12.")]
    [InlineData("?month=2024-12&months=0", "months", "'0' is not a number of months from 1 to 120.")]
    [InlineData("?month=2024-12&months=121", "months", "'121' is not a number of months from 1 to 120.")]
    [InlineData("?month=2024-12&months=-3", "months", "'-3' is not a number of months from 1 to 120.")]
    [InlineData("?month=1900-06&months=24", "months", "The series cannot begin before 1900.")]
    [InlineData("?month=2024-12&groupBy=coach", "groupBy", "'coach' is not a grouping; use reportingGroup, jobCentre, district, gender, targetGroup or benefit.")]
    [InlineData("?month=2024-12&district=atlantis", "district", "'atlantis' is not a district code.")]
    public async Task A_bad_value_for_the_monthly_series_answers_400_naming_the_field(string query, string field, string message)
    {
        var response = await app.ApiClient(JobbtorgAppFactory.RobotKey).GetAsync(Url + "/monthly" + query);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("errors");
        Assert.Equal([field], Names(errors));
        Assert.Equal(message, errors.GetProperty(field)[0].GetString());
    }

    [Fact]
    public async Task The_monthly_series_has_a_row_per_month_and_groups_only_when_asked()
    {
        var series = await GetJsonAsync("/monthly?month=1999-04&months=3&asOf=2025-06-30");
        Assert.Equal(["from", "to", "asOf", "months"], Names(series));
        Assert.Equal("1999-02-01", series.GetProperty("from").GetString());
        Assert.Equal("1999-04-30", series.GetProperty("to").GetString());
        Assert.Equal(["1999-02", "1999-03", "1999-04"], series.GetProperty("months").EnumerateArray().Select(m => m.GetProperty("month").GetString()));
        var february = series.GetProperty("months")[0];
        Assert.Equal(["month", "total"], Names(february));
        Assert.Equal(["enrolled", "newlyEnrolled", "closed", "closureRate", "closedToWork"], Names(february.GetProperty("total")));
        Assert.Equal(JsonValueKind.Null, february.GetProperty("total").GetProperty("closureRate").ValueKind);
        Assert.Equal(24, (await GetJsonAsync("/monthly?month=1999-04&groupBy=benefit")).GetProperty("months").GetArrayLength());
    }

    [Fact]
    public async Task The_reasons_are_in_Swedish_when_asked_for()
    {
        var client = app.ApiClient(JobbtorgAppFactory.RobotKey);
        client.DefaultRequestHeaders.AcceptLanguage.ParseAdd("sv-SE");

        var response = await client.GetAsync(Url + "?from=2024-12-31&to=2024-01-01");

        var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal("Perioden kan inte sluta innan den börjar.", problem.GetProperty("errors").GetProperty("to")[0].GetString());
    }
}
