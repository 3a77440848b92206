using Jobbtorg.Data;
using Jobbtorg.Features.Access;
using Jobbtorg.Features.Assessments;
using Jobbtorg.Features.Cases;
using Jobbtorg.Features.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Jobbtorg.Features.AssessmentPrompts;

public static class AssessmentPromptsSetup
{
    /// <summary>What follows from an assessment on the case page (an in-depth assessment due, a three-party meeting
    /// proposed) and on the start pages (cases without an initial assessment by the plan deadline, in-depth assessments
    /// due).</summary>
    public static IServiceCollection AddAssessmentPrompts(this IServiceCollection services) =>
        services.AddSection<CaseAssessmentPromptsViewComponent>(SectionPlace.CaseSummary, 3)
            .AddSection<CoachAssessmentsDueViewComponent>(SectionPlace.StartPage, 12)
            .AddSection<DistrictAssessmentsDueViewComponent>(SectionPlace.StartPage, 72);
}

public sealed record CasePromptsView(Case Case, AssessmentFollowUp FollowUp, bool MayBeginInDepth, bool MayBookMeeting);

/// <summary>The case page's prompt, for those who read assessments: the initial assessment found the person only partly or
/// not available and no in-depth one has been signed since (start one); or the in-depth one found the person not
/// available (book a three-party meeting rather than write a plan that cannot work).</summary>
public sealed class CaseAssessmentPromptsViewComponent(JobbtorgDb db, CaseAccess access) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync(Case @case)
    {
        if (!@case.IsOpen || !access.Can(Permission.ReadAssessment, @case)) return Content("");
        var followUp = await AssessmentFollowUp.OfCaseAsync(db, @case.Id, HttpContext.RequestAborted);
        if (!followUp.InDepthDue && !followUp.MeetingProposed) return Content("");
        return View("/Features/AssessmentPrompts/_CasePrompts.cshtml", new CasePromptsView(@case, followUp,
            access.Can(Permission.MakeInDepthAssessment, @case), access.Can(Permission.BookThreePartyMeeting, @case)));
    }
}

public sealed record AssessmentDue(Case Case, DateOnly? Deadline, int? WorkingDaysLeft, Availability? Availability);

public sealed record CoachAssessmentsDueView(IReadOnlyList<AssessmentDue> WithoutInitial, IReadOnlyList<AssessmentDue> InDepthDue);

/// <summary>A coach's start page: their open cases without an initial assessment whose plan deadline (the job guarantee's,
/// paused days not counted) is at most <see cref="NearDays"/> working days away or past, and their cases whose in-depth
/// assessment is due. Nothing when there is nothing to do.</summary>
public sealed class CoachAssessmentsDueViewComponent(MyOpenCases myCases, CurrentUser user, TimeProvider clock) : ViewComponent
{
    public const int NearDays = 2;

    public async Task<IViewComponentResult> InvokeAsync()
    {
        if (!user.Holds(Permission.KeepCaseload)) return Content("");
        var ct = HttpContext.RequestAborted;
        var today = clock.Today();
        var mine = await myCases.ReadAsync(ct);
        // The cases come with their signed assessments.
        var followUps = mine.ToDictionary(c => c.Id, c => AssessmentFollowUp.Of(c.Assessments));
        var withoutInitial = mine.Where(c => c.FirstAssessmentOn is null && c.JobGuaranteeDeadline is not null)
            .Select(c => new AssessmentDue(c, c.JobGuaranteeDeadline, WorkList.WorkingDaysLeft(c.JobGuaranteeDeadline!.Value, today), null))
            .Where(d => d.WorkingDaysLeft <= NearDays).OrderBy(d => d.Deadline).ThenBy(d => d.Case.Id).ToList();
        var inDepth = mine.Where(c => followUps.GetValueOrDefault(c.Id)?.InDepthDue == true)
            .Select(c => new AssessmentDue(c, null, null, followUps[c.Id].LatestInitial!.Availability))
            .OrderBy(d => followUps[d.Case.Id].LatestInitial!.AssessedOn).ThenBy(d => d.Case.Id).ToList();
        if (withoutInitial.Count == 0 && inDepth.Count == 0) return Content("");
        return View("/Features/AssessmentPrompts/_CoachDue.cshtml", new CoachAssessmentsDueView(withoutInitial, inDepth));
    }
}

public sealed record DistrictAssessmentsDueView(IReadOnlyList<Case> Cases, int Count, DateOnly Today);

/// <summary>A district case worker's start page: the district's referred and enrolled cases without an initial assessment,
/// the earliest referral first; the district may make the initial assessment itself.</summary>
public sealed class DistrictAssessmentsDueViewComponent(CaseAccess access, CurrentUser user, TimeProvider clock) : ViewComponent
{
    public const int Shown = 100;

    public async Task<IViewComponentResult> InvokeAsync()
    {
        if (user.DistrictId is not { } district || user.Holds(Permission.KeepCaseload) || !user.Holds(Permission.MakeInitialAssessment))
            return Content("");
        var ct = HttpContext.RequestAborted;
        var query = access.VisibleCases().AsNoTracking()
            .Where(c => c.DistrictId == district && (c.Status == CaseStatus.Referred || c.Status == CaseStatus.Enrolled) && c.FirstAssessmentOn == null);
        var count = await query.CountAsync(ct);
        if (count == 0) return Content("");
        var cases = await query.Include(c => c.Participant).OrderBy(c => c.ReferralDate).ThenBy(c => c.Id).Take(Shown).ToListAsync(ct);
        return View("/Features/AssessmentPrompts/_DistrictDue.cshtml", new DistrictAssessmentsDueView(cases, count, clock.Today()));
    }
}
