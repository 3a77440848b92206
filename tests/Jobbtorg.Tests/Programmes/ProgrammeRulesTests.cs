using Jobbtorg.Features.Cases;
using Jobbtorg.Features.Programmes;
using Jobbtorg.Tests.Builders;

namespace Jobbtorg.Tests.Programmes;

public sealed class ProgrammeRulesTests
{
    private static readonly DateOnly Today = new(2026, 3, 10);
    private static readonly DateTimeOffset Now = new(2026, 3, 10, 9, 0, 0, TimeSpan.Zero);

    private static Programme Named(string name = "Avhopparteamet", bool active = true) =>
        Programme.Create(new ProgrammeRequest { Name = name, Kind = ProgrammeKind.LeavingCrime, IsActive = active }, "Chef", Now);

    private static Case OpenCase() => new CaseBuilder().ReferredOn(new DateOnly(2026, 1, 5)).EnrolledOn(new DateOnly(2026, 1, 12)).Build();

    [Fact]
    public void A_programme_needs_a_name_and_a_kind_and_keeps_its_texts_within_bounds()
    {
        var errors = ProgrammeRules.Check(new ProgrammeRequest { Name = "  ", Description = new string('x', Programme.DescriptionMaxLength + 1) });
        Assert.True(errors.Has("Name"));
        Assert.True(errors.Has("Kind"));
        Assert.True(errors.Has("Description"));
        Assert.True(ProgrammeRules.Check(new ProgrammeRequest { Name = "Två\nrader", Kind = ProgrammeKind.Youth }).Has("Name"));
        Assert.True(ProgrammeRules.Check(new ProgrammeRequest { Name = "X", Kind = (ProgrammeKind)9 }).Has("Kind"));
        Assert.Equal(0, ProgrammeRules.Check(new ProgrammeRequest { Name = "Welcome House", Kind = ProgrammeKind.NewlyArrived, Description = "Rad ett\nRad två" }).Count);
    }

    [Fact]
    public void External_funding_may_not_exceed_the_cost_and_amounts_and_years_have_bounds()
    {
        Assert.Equal(0, ProgrammeRules.Check(new ProgrammeYearRequest { Year = 2022, Cost = 25_000_000, ExternalFunding = 4_600_000 }, Today).Count);
        Assert.Equal(0, ProgrammeRules.Check(new ProgrammeYearRequest { Year = 2027, Cost = 0, ExternalFunding = 0 }, Today).Count);
        Assert.True(ProgrammeRules.Check(new ProgrammeYearRequest { Year = 2023, Cost = 100, ExternalFunding = 101 }, Today).Has("ExternalFunding"));
        Assert.True(ProgrammeRules.Check(new ProgrammeYearRequest { Year = 1999, Cost = 1 }, Today).Has("Year"));
        Assert.True(ProgrammeRules.Check(new ProgrammeYearRequest { Year = 2028, Cost = 1 }, Today).Has("Year"));
        Assert.True(ProgrammeRules.Check(new ProgrammeYearRequest { Year = 2023, Cost = -1 }, Today).Has("Cost"));
        Assert.True(ProgrammeRules.Check(new ProgrammeYearRequest { Year = 2023, Cost = ProgrammeYear.MaxAmount + 1 }, Today).Has("Cost"));
        Assert.True(ProgrammeRules.Check(new ProgrammeYearRequest { Year = 2023, Cost = 5, ExternalFunding = -1 }, Today).Has("ExternalFunding"));
        var missing = ProgrammeRules.Check(new ProgrammeYearRequest(), Today);
        Assert.True(missing.Has("Year") && missing.Has("Cost"));
    }

    [Fact]
    public void Setting_a_year_again_replaces_it_one_row_per_year()
    {
        var p = Named();
        p.SetYear(2023, 2_000_000, 0);
        p.SetYear(2023, 2_150_000, 100_000);
        var year = Assert.Single(p.Years);
        Assert.Equal((2023, 2_150_000L, 100_000L), (year.Year, year.Cost, year.ExternalFunding));
    }

    [Fact]
    public void An_open_case_joins_from_its_referral_up_to_today()
    {
        var c = OpenCase();
        Assert.Equal(0, ProgrammeRules.CheckJoin(Named(), c, new DateOnly(2026, 1, 5), [], Today).Count);
        Assert.Equal(0, ProgrammeRules.CheckJoin(Named(), c, null, [], Today).Count);
        Assert.True(ProgrammeRules.CheckJoin(Named(), c, new DateOnly(2026, 1, 4), [], Today).Has("JoinedOn"));
        Assert.True(ProgrammeRules.CheckJoin(Named(), c, Today.AddDays(1), [], Today).Has("JoinedOn"));
    }

    [Fact]
    public void A_closed_case_an_unknown_or_closed_programme_cannot_be_joined()
    {
        var closed = new CaseBuilder().ReferredOn(new DateOnly(2026, 1, 5)).EnrolledOn(new DateOnly(2026, 1, 12))
            .ClosedOn(new DateOnly(2026, 2, 1), ClosureReason.Studies).Build();
        Assert.True(ProgrammeRules.CheckJoin(Named(), closed, new DateOnly(2026, 1, 20), [], Today).Has("ProgrammeId"));
        Assert.True(ProgrammeRules.CheckJoin(null, OpenCase(), null, [], Today).Has("ProgrammeId"));
        Assert.True(ProgrammeRules.CheckJoin(Named(active: false), OpenCase(), null, [], Today).Has("ProgrammeId"));
    }

    [Fact]
    public void A_case_is_in_a_programme_once_at_a_time_and_joins_again_only_after_it_left()
    {
        var p = Named();
        var c = OpenCase();
        var current = ProgrammeMembership.Join(p, c, new DateOnly(2026, 1, 20), false, "Coach", Now);
        Assert.True(ProgrammeRules.CheckJoin(p, c, Today, [current], Today).Has("ProgrammeId"));
        current.Leave(new DateOnly(2026, 2, 10), "Coach", Now);
        Assert.True(ProgrammeRules.CheckJoin(p, c, new DateOnly(2026, 2, 10), [current], Today).Has("JoinedOn"));
        Assert.Equal(0, ProgrammeRules.CheckJoin(p, c, new DateOnly(2026, 2, 11), [current], Today).Count);
        // Another programme (another id) is another matter.
        var other = Named("Ungdomsteamet");
        typeof(Programme).GetProperty(nameof(Programme.Id))!.SetValue(other, 2);
        Assert.Equal(0, ProgrammeRules.CheckJoin(other, c, Today, [ProgrammeMembership.Join(p, c, Today, false, "Coach", Now)], Today).Count);
    }

    [Fact]
    public void Leaving_is_on_or_after_joining_not_in_the_future_nor_after_the_closure_and_only_once()
    {
        var c = OpenCase();
        var m = ProgrammeMembership.Join(Named(), c, new DateOnly(2026, 2, 1), false, "Coach", Now);
        Assert.True(ProgrammeRules.CheckLeave(m, c, new DateOnly(2026, 1, 31), Today).Has("LeftOn"));
        Assert.True(ProgrammeRules.CheckLeave(m, c, Today.AddDays(1), Today).Has("LeftOn"));
        Assert.Equal(0, ProgrammeRules.CheckLeave(m, c, new DateOnly(2026, 2, 1), Today).Count);
        m.Leave(Today, "Coach", Now);
        Assert.True(ProgrammeRules.CheckLeave(m, c, Today, Today).Has("LeftOn"));

        var closed = new CaseBuilder().ReferredOn(new DateOnly(2026, 1, 5)).EnrolledOn(new DateOnly(2026, 1, 12))
            .ClosedOn(new DateOnly(2026, 2, 20), ClosureReason.Work, ClosureSubReason.Unsubsidised).Build();
        var open = ProgrammeMembership.Join(Named(), closed, new DateOnly(2026, 2, 1), false, "Coach", Now);
        Assert.True(ProgrammeRules.CheckLeave(open, closed, new DateOnly(2026, 2, 21), Today).Has("LeftOn"));
        Assert.Equal(0, ProgrammeRules.CheckLeave(open, closed, null, Today).Count); // the closure day, by default
    }
}
