using Jobbtorg.Features.Cases;
using Jobbtorg.Features.Programmes;

namespace Jobbtorg.Tests.Programmes;

public sealed class ProgrammeReportTests
{
    private static readonly DateTimeOffset Now = new(2026, 3, 10, 9, 0, 0, TimeSpan.Zero);

    private static MembershipFact Fact(int caseId, string joined, string? left = null, bool takenIn = false, string? closed = null,
        ClosureReason? reason = null, int programme = 0) =>
        new(programme, caseId, DateOnly.Parse(joined), left is null ? null : DateOnly.Parse(left), takenIn,
            closed is null ? null : DateOnly.Parse(closed), reason);

    [Theory]
    [InlineData(2023, null, "2023-01-01", "2023-12-31")]
    [InlineData(2023, 1, "2023-01-01", "2023-04-30")]
    [InlineData(2023, 2, "2023-05-01", "2023-08-31")]
    [InlineData(2024, 3, "2024-09-01", "2024-12-31")]
    public void A_tertial_is_four_months_and_a_year_twelve(int year, int? tertial, string from, string to)
    {
        var period = new ReportPeriod(year, tertial);
        Assert.Equal((DateOnly.Parse(from), DateOnly.Parse(to)), (period.From, period.To));
    }

    [Fact]
    public void The_year_and_tertial_have_bounds_named_by_field()
    {
        var today = new DateOnly(2026, 3, 10);
        Assert.Equal(0, ReportPeriod.Check(2027, 3, today).Count);
        Assert.True(ReportPeriod.Check(1999, null, today).Has("year"));
        Assert.True(ReportPeriod.Check(2028, null, today).Has("year"));
        Assert.True(ReportPeriod.Check(null, null, today).Has("year"));
        Assert.True(ReportPeriod.Check(2023, 0, today).Has("tertial"));
        Assert.True(ReportPeriod.Check(2023, 4, today).Has("tertial"));
    }

    [Fact]
    public void Participants_are_the_memberships_that_share_a_day_with_the_period_ended_by_leaving_or_by_the_closure()
    {
        var facts = new[]
        {
            Fact(1, "2022-11-01"),                                   // still in: counts
            Fact(2, "2022-11-01", left: "2022-12-31"),               // left before: does not
            Fact(3, "2022-11-01", left: "2023-01-01"),               // left on the first day: counts
            Fact(4, "2023-04-30", takenIn: true),                    // joined on the last day: counts, taken in
            Fact(5, "2023-05-01"),                                   // joined after: does not
            Fact(6, "2022-06-01", closed: "2022-12-15", reason: ClosureReason.Work), // case closed before, never left: does not
        };
        var counts = ProgrammeReport.Count(facts, new DateOnly(2023, 1, 1), new DateOnly(2023, 4, 30));
        Assert.Equal(3, counts.Participants);
        Assert.Equal(1, counts.TakenInWithoutReferral);
        Assert.Equal(0, counts.Closed);
    }

    [Fact]
    public void Closed_counts_the_cases_closed_in_the_period_while_in_the_programme_and_work_or_studies_among_them()
    {
        var facts = new[]
        {
            Fact(1, "2023-01-10", left: "2023-03-01", closed: "2023-03-01", reason: ClosureReason.Work),
            Fact(2, "2023-01-10", closed: "2023-02-01", reason: ClosureReason.Studies),
            Fact(3, "2023-01-10", closed: "2023-02-01", reason: ClosureReason.Other),
            Fact(4, "2023-01-10", left: "2023-01-31", closed: "2023-02-15", reason: ClosureReason.Work), // closed after leaving
            Fact(5, "2023-01-10", closed: "2023-05-02", reason: ClosureReason.Work),                     // closed after the period
            Fact(6, "2023-01-10", closed: "2023-04-30", reason: ClosureReason.EmploymentProgramme),
        };
        var counts = ProgrammeReport.Count(facts, new DateOnly(2023, 1, 1), new DateOnly(2023, 4, 30));
        Assert.Equal(6, counts.Participants);
        Assert.Equal(4, counts.Closed);
        Assert.Equal(2, counts.ClosedToWorkOrStudies);
    }

    [Fact]
    public void A_tertial_carries_a_third_of_the_years_cost_and_the_costs_per_head_are_in_whole_kronor()
    {
        var p = Programme.Create(new ProgrammeRequest { Name = "Avhoppare", Kind = ProgrammeKind.LeavingCrime }, "Chef", Now);
        p.SetYear(2023, 2_150_000, 150_000);
        var facts = new[]
        {
            Fact(1, "2023-01-10", closed: "2023-03-01", reason: ClosureReason.Work),
            Fact(2, "2023-01-10", closed: "2023-02-01", reason: ClosureReason.Studies),
            Fact(3, "2023-01-10"),
        };
        var year = ProgrammeReport.Build(new ReportPeriod(2023, null), [p], facts, districtId: null);
        var row = Assert.Single(year.Programmes);
        Assert.Equal(2_150_000, row.Cost);
        Assert.Equal(150_000, row.ExternalFunding);
        Assert.Equal(716_667, row.CostPerParticipant);
        Assert.Equal(1_075_000, row.CostPerWorkOrStudies);

        var tertial = ProgrammeReport.Build(new ReportPeriod(2023, 1), [p], facts, districtId: null).Programmes.Single();
        Assert.Equal(716_667, tertial.Cost);
        Assert.Equal(50_000, tertial.ExternalFunding);
        Assert.Equal(238_889, tertial.CostPerParticipant);
    }

    [Fact]
    public void Nothing_to_divide_by_or_no_cost_gives_no_cost_per_head()
    {
        var costed = Programme.Create(new ProgrammeRequest { Name = "A", Kind = ProgrammeKind.Youth }, "Chef", Now);
        costed.SetYear(2024, 1_000_000, 0);
        var report = ProgrammeReport.Build(new ReportPeriod(2024, null), [costed], [], districtId: null);
        var row = report.Programmes.Single();
        Assert.Equal((0, 1_000_000L), (row.Participants, row.Cost!.Value));
        Assert.Null(row.CostPerParticipant);
        Assert.Null(row.CostPerWorkOrStudies);
        Assert.Equal("–", ProgrammeReport.Kronor(row.CostPerParticipant));

        var uncosted = ProgrammeReport.Build(new ReportPeriod(2025, null), [costed], [Fact(1, "2025-02-01")], districtId: null).Programmes.Single();
        Assert.Equal(1, uncosted.Participants);
        Assert.Null(uncosted.Cost);
        Assert.Null(uncosted.CostPerParticipant);
        Assert.Null(ProgrammeReport.PerHead(100, 0));
    }

    [Fact]
    public void The_total_sums_the_rows_and_a_districts_report_shows_no_costs()
    {
        var a = Programme.Create(new ProgrammeRequest { Name = "A", Kind = ProgrammeKind.Youth }, "Chef", Now);
        var b = Programme.Create(new ProgrammeRequest { Name = "B", Kind = ProgrammeKind.Other }, "Chef", Now);
        a.SetYear(2023, 300_000, 0);
        b.SetYear(2023, 100_000, 40_000);
        // The two have no ids in a pure test; the rows are told apart by programme id, so give them their own.
        typeof(Programme).GetProperty(nameof(Programme.Id))!.SetValue(b, 2);
        var facts = new[] { Fact(1, "2023-01-01", programme: 0), Fact(2, "2023-01-01", programme: 2, closed: "2023-06-01", reason: ClosureReason.Work),
            Fact(3, "2023-01-01", programme: 2) };
        var report = ProgrammeReport.Build(new ReportPeriod(2023, null), [a, b], facts, districtId: null);
        Assert.Equal((3, 1, 1, 400_000L, 40_000L), (report.Total.Participants, report.Total.Closed, report.Total.ClosedToWorkOrStudies,
            report.Total.Cost!.Value, report.Total.ExternalFunding!.Value));
        Assert.Equal(133_333, report.Total.CostPerParticipant);
        Assert.Equal(400_000, report.Total.CostPerWorkOrStudies);

        var district = ProgrammeReport.Build(new ReportPeriod(2023, null), [a, b], facts, districtId: 11);
        Assert.All(district.Programmes.Append(district.Total), r => Assert.Null(r.Cost));
        Assert.Equal(3, district.Total.Participants);
    }
}
