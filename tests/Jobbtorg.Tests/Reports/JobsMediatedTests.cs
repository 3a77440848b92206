using System.Net;
using System.Text;
using System.Text.Json;
using Jobbtorg.Tests.Http;
using static Jobbtorg.Tests.Reports.CaseEvents;

namespace Jobbtorg.Tests.Reports;

/// <summary>
/// Jobs mediated (domain.md): placements of kind Employment, SubsidizedEmployment or MunicipalJob with <c>matched</c> true
/// whose start lies in the period, counted one per placement under the group of its case; and <c>matched</c> through
/// import and export. A database of its own, with dates in 2012 that nothing else uses.
/// </summary>
[Trait("Category", "Http")]
public sealed class JobsMediatedTests(JobbtorgAppFactory app) : IClassFixture<JobbtorgAppFactory>
{
    private readonly string prefix = $"M{Guid.NewGuid():N}"[..10] + "-";

    private static Task<HttpResponseMessage> ImportAsync(JobbtorgAppFactory into, string ndjson) =>
        into.ApiClient(JobbtorgAppFactory.RobotKey).PostAsync("/api/import/case-events", new StringContent(ndjson, Encoding.UTF8, "application/x-ndjson"));

    private static async Task<JsonElement> ReportAsync(JobbtorgAppFactory of, string query)
    {
        var response = await of.ApiClient(JobbtorgAppFactory.RobotKey).GetAsync("/api/reports/indicators" + query);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{response.StatusCode}: {body}");
        return JsonDocument.Parse(body).RootElement;
    }

    /// <summary>A case referred and enrolled in January 2012, with its placements.</summary>
    private IEnumerable<string> Case(string id, string district, string jobCentre, params string[] placements) =>
        new[]
        {
            Referral(prefix + id, TestPeople.Adult(new DateOnly(2012, 1, 2)), "2012-01-02", district),
            Enrolment(prefix + id, "2012-01-09", jobCentre),
        }.Concat(placements);

    private string Job(string id, string kind, string start, bool matched = true) => Placement(prefix + id, kind, start, null, matched: matched);

    [Fact]
    public async Task Matched_jobs_starting_in_the_period_are_counted_one_per_placement_under_the_case_s_group()
    {
        var stream = Stream([
            // Counted: an employment on the first day of February and a municipal job later the same month, both of K-1.
            .. Case("K-1", "farsta", "farsta", Job("K-1", "Employment", "2012-02-01"), Job("K-1", "MunicipalJob", "2012-02-20")),
            // Counted: a subsidised employment on the last day.
            .. Case("K-2", "farsta", "farsta", Job("K-2", "SubsidizedEmployment", "2012-02-29")),
            // Counted: a municipal job, in another district.
            .. Case("K-3", "rinkeby-kista", "kista", Job("K-3", "MunicipalJob", "2012-02-15")),
            // Not counted: an internship is not a job, even matched.
            .. Case("K-4", "farsta", "farsta", Job("K-4", "Internship", "2012-02-10")),
            // Not counted: not matched, left out of the line (absent = false) or written false.
            .. Case("K-5", "farsta", "farsta", Job("K-5", "Employment", "2012-02-10", matched: false),
                $$"""{"type":"placement","caseRef":"{{prefix}}K-5","kind":"MunicipalJob","start":"2012-02-11","matched":false}"""),
            // Not counted: started the day before the period, and the day after it.
            .. Case("K-6", "rinkeby-kista", "kista", Job("K-6", "Employment", "2012-01-31"), Job("K-6", "Employment", "2012-03-01")),
        ]);
        Assert.Equal(HttpStatusCode.OK, (await ImportAsync(app, stream)).StatusCode);

        var february = await ReportAsync(app, "?from=2012-02-01&to=2012-02-29&asOf=2013-01-01&groupBy=district");
        var beforeMarch = await ReportAsync(app, "?from=2012-01-01&to=2012-02-29&asOf=2013-01-01");
        var onThe20th = await ReportAsync(app, "?from=2012-02-01&to=2012-02-29&asOf=2012-02-20");

        Assert.Equal(4, february.GetProperty("total").GetProperty("jobsMediated").GetInt32());
        Assert.Equal(3, february.GetProperty("groups").GetProperty("farsta").GetProperty("jobsMediated").GetInt32());
        Assert.Equal(1, february.GetProperty("groups").GetProperty("rinkeby-kista").GetProperty("jobsMediated").GetInt32());
        // January and February together: the one of 31 January joins.
        Assert.Equal(5, beforeMarch.GetProperty("total").GetProperty("jobsMediated").GetInt32());
        // As of 20 February the job of the 29th has not started; the one of the 20th has.
        Assert.Equal(3, onThe20th.GetProperty("total").GetProperty("jobsMediated").GetInt32());
    }

    [Fact]
    public async Task Matched_goes_out_in_the_export_as_it_came_in_and_a_new_database_counts_the_same_jobs()
    {
        var stream = Stream([
            .. Case("R-1", "farsta", "farsta", Job("R-1", "Employment", "2012-05-02"), Job("R-1", "Internship", "2012-05-03", matched: false)),
            .. Case("R-2", "farsta", "farsta", Job("R-2", "MunicipalJob", "2012-05-04", matched: false)),
        ]);
        Assert.Equal(HttpStatusCode.OK, (await ImportAsync(app, stream)).StatusCode);

        var export = await app.ApiClient(JobbtorgAppFactory.RobotKey).GetStringAsync("/api/export/case-events");
        var ours = export.Split('\n', StringSplitOptions.RemoveEmptyEntries).Where(l => l.Contains(prefix, StringComparison.Ordinal)).ToList();
        var placements = ours.Select(l => JsonDocument.Parse(l).RootElement).Where(l => l.GetProperty("type").GetString() == "placement")
            .ToDictionary(l => l.GetProperty("kind").GetString()!, l => l.TryGetProperty("matched", out var m) ? m.GetBoolean() : (bool?)null);
        Assert.Equal(new Dictionary<string, bool?> { ["Employment"] = true, ["Internship"] = null, ["MunicipalJob"] = null }, placements);

        // The export imported again changes nothing; imported into an empty database it gives the same count.
        var again = JsonDocument.Parse(await (await ImportAsync(app, Stream(ours))).Content.ReadAsStringAsync()).RootElement;
        Assert.Equal(0, again.GetProperty("imported").GetInt32());
        await using var fresh = JobbtorgAppFactory.WithSettings(new Dictionary<string, string>());
        await fresh.InitializeAsync();
        Assert.Equal(HttpStatusCode.OK, (await ImportAsync(fresh, Stream(ours))).StatusCode);
        const string May = "?from=2012-05-01&to=2012-05-31&asOf=2013-01-01";
        Assert.Equal(1, (await ReportAsync(app, May)).GetProperty("total").GetProperty("jobsMediated").GetInt32());
        Assert.Equal(1, (await ReportAsync(fresh, May)).GetProperty("total").GetProperty("jobsMediated").GetInt32());
    }
}
