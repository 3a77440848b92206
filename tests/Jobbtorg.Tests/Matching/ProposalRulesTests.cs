using Jobbtorg.Features.Employers;
using Jobbtorg.Features.Matching;
using Jobbtorg.Features.Placements;
using Jobbtorg.Features.Shared;

namespace Jobbtorg.Tests.Matching;

/// <summary>The steps of a proposal: forward only, each with its day, a reason where one is owed, and a hire only where the
/// vacancy is a job.</summary>
public sealed class ProposalRulesTests
{
    private static readonly DateOnly Today = new(2026, 3, 10);
    private static readonly DateTimeOffset Now = new(2026, 3, 10, 9, 0, 0, TimeSpan.Zero);

    private static Vacancy VacancyOf(PlacementKind kind) => Vacancy.Register(new VacancyRequest
    {
        EmployerId = 1, Title = "Lagerarbetare", Occupation = "9332", Kind = kind, Places = 1, HoursPerWeek = 40, PlaceOfWork = "Årsta",
        StartDate = Today.AddDays(30), LastDayToPropose = Today.AddDays(14),
    }, "Mia Matchare", Now);

    private static Proposal Proposed(PlacementKind kind = PlacementKind.Employment, DateOnly? on = null) =>
        Proposal.Propose(VacancyOf(kind), caseId: 7, on ?? Today.AddDays(-10), "Mia Matchare", "mia", Now);

    private static FieldErrors Check(Proposal p, string? status, DateOnly? on, string? reason = null, string? note = null) =>
        ProposalRules.CheckStep(new ProposalStepInput(status, on, reason, note), p, p.Vacancy, Today, out _);

    [Fact]
    public void A_proposal_moves_forward_step_by_step_or_straight_to_its_outcome_and_never_back()
    {
        var p = Proposed();
        Assert.Equal(ProposalStatus.Presented, p.NextStep);
        p.Move(ProposalStatus.Presented, Today.AddDays(-5), null, null, "Mia", Now);
        p.Move(ProposalStatus.Interview, Today.AddDays(3), null, null, "Mia", Now);
        Assert.Equal((Today.AddDays(-5), Today.AddDays(3)), (p.PresentedOn!.Value, p.InterviewOn!.Value));
        Assert.True(Check(p, "Presented", Today).Has("Status"));
        Assert.Throws<RuleBrokenException>(() => p.Move(ProposalStatus.Proposed, Today, null, null, "Mia", Now));

        var straight = Proposed();
        Assert.Empty(Check(straight, "Hired", Today));
        straight.Move(ProposalStatus.NotSelected, Today, NotSelectedReason.OtherCandidateChosen, null, "Mia", Now);
        Assert.False(straight.IsUnderWay);
        Assert.True(Check(straight, "Withdrawn", Today, note: "x").Has("Status"));
    }

    [Fact]
    public void After_the_interview_the_step_suggested_is_the_outcome_the_vacancy_allows()
    {
        foreach (var (kind, expected) in new[] { (PlacementKind.Employment, ProposalStatus.Hired), (PlacementKind.Internship, ProposalStatus.Internship) })
        {
            var p = Proposed(kind);
            p.Move(ProposalStatus.Interview, Today, null, null, "Mia", Now);
            Assert.Equal(expected, p.NextStep);
            Assert.Empty(Check(p, p.NextStep.ToString(), Today));
        }
    }

    [Fact]
    public void Not_selected_needs_a_reason_other_needs_words_and_a_withdrawal_says_why()
    {
        var p = Proposed();
        Assert.True(Check(p, "NotSelected", Today).Has("Reason"));
        Assert.True(Check(p, "NotSelected", Today, reason: "Maybe").Has("Reason"));
        Assert.True(Check(p, "NotSelected", Today, reason: "Other").Has("Note"));
        Assert.Empty(Check(p, "NotSelected", Today, reason: "Other", note: "Arbetsgivaren anställde internt."));
        Assert.Empty(Check(p, "NotSelected", Today, reason: "NoShowAtInterview"));
        Assert.True(Check(p, "Withdrawn", Today).Has("Note"));
        Assert.True(Check(p, "Presented", Today, reason: "OtherCandidateChosen").Has("Reason"));
        Assert.True(Check(p, "Withdrawn", Today, note: new string('x', Proposal.NoteMaxLength + 1)).Has("Note"));
    }

    [Fact]
    public void The_day_lies_between_the_proposal_and_today_and_an_interview_may_be_booked_ahead()
    {
        var p = Proposed(on: Today.AddDays(-3));
        Assert.True(Check(p, "Presented", Today.AddDays(-4)).Has("On"));
        Assert.True(Check(p, "Presented", Today.AddDays(1)).Has("On"));
        Assert.True(Check(p, "Presented", null).Has("On"));
        Assert.Empty(Check(p, "Interview", Today.AddDays(20)));
        Assert.True(Check(p, "Interview", Today.AddDays(ProposalRules.MaxDaysAheadForInterview + 1)).Has("On"));
        Assert.True(Check(p, "Hired", Today.AddDays(1)).Has("On"));
    }

    [Fact]
    public void An_internship_vacancy_ends_in_an_internship_not_a_hire_and_an_unknown_step_is_named()
    {
        var p = Proposed(PlacementKind.Internship);
        Assert.True(Check(p, "Hired", Today).Has("Status"));
        Assert.Empty(Check(p, "Internship", Today));
        Assert.True(Check(p, "Proposed", Today).Has("Status"));
        Assert.True(Check(p, "hired", Today).Has("Status"));
    }
}
