using Jobbtorg.Calendar;
using Jobbtorg.Data;
using Jobbtorg.Features.Access;
using Jobbtorg.Features.Assessments;
using Jobbtorg.Features.Cases;
using Jobbtorg.Features.Organisation;
using Jobbtorg.Features.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Jobbtorg.Features.Plans;

/// <summary>Writing a plan version: goal, activities, and the participant's agreement.</summary>
[Jobbtorg.Features.AccessLog.ShowsPersonalData(CaseRoute = "id")]
public class EditModel(JobbtorgDb db, CaseAccess access, Texts texts, TimeProvider clock, OccupationCatalogue occupations,
    AgreePlan agree)
    : CasePageModel(db, access, texts, clock)
{
    public sealed class ActivityInput
    {
        public int? ActivityTypeId { get; set; }
        public int? ProviderId { get; set; }
        public DateOnly? StartDate { get; set; }
        public DateOnly? EndDate { get; set; }
        public decimal? HoursPerWeek { get; set; }
        public string? Note { get; set; }
    }

    [BindProperty] public string? Goal { get; set; }
    [BindProperty] public string? Summary { get; set; }
    [BindProperty] public ActivityInput Activity { get; set; } = new();
    [BindProperty] public DateOnly? AgreedOn { get; set; }
    [BindProperty] public bool ParticipantAgrees { get; set; }

    public PlanVersion? Draft => Case.CurrentDraft;
    public List<ActivityType> ActivityTypes { get; private set; } = [];
    public List<Provider> Providers { get; private set; } = [];
    public IReadOnlyList<Occupation> Occupations => occupations.All;
    /// <summary>What the plan starts from: the case's signed assessments.</summary>
    public PlanStart FromAssessment { get; private set; } = PlanStart.Nothing;
    /// <summary>The latest in-depth assessment found the person not available: a three-party meeting comes before a plan.</summary>
    public bool MeetingProposed { get; private set; }
    private string UserName => User.FindFirst(JobbtorgClaims.DisplayName)?.Value ?? "";

    public async Task<IActionResult> OnGetAsync(int id)
    {
        if (await PrepareAsync(id) is { } refused) return refused;
        Fill();
        return Page();
    }

    public async Task<IActionResult> OnPostStartAsync(int id)
    {
        if (await PrepareAsync(id) is { } refused) return refused;
        var fresh = Case.CurrentDraft is null;
        if (await TryChangeAsync(() =>
            {
                var draft = Case.StartPlanVersion(UserName, Clock.GetUtcNow());
                if (fresh) StartFromAssessment(draft);
            }))
            return RedirectToPage(new { id });
        return Page();
    }

    public async Task<IActionResult> OnPostGoalAsync(int id)
    {
        if (await PrepareAsync(id) is { } refused) return refused;
        var goal = occupations.FromInput(Goal);
        if (goal is null) ModelState.AddModelError(nameof(Goal), Texts["Choose the goal occupation from the list (SSYK code and name)."]);
        if (Summary?.Length > 4000) ModelState.AddModelError(nameof(Summary), Texts.Format("The text may be at most {0} characters.", 4000));
        if (ModelState.IsValid && Draft is { } draft && await TryChangeAsync(() => draft.SetGoal(goal!, Summary), nameof(Goal)))
            return Saved(Texts["The goal was saved."]);
        return Page();
    }

    public async Task<IActionResult> OnPostAddAsync(int id)
    {
        if (await PrepareAsync(id) is { } refused) return refused;
        var type = ActivityTypes.FirstOrDefault(t => t.Id == Activity.ActivityTypeId);
        if (type is null) ModelState.AddModelError("Activity.ActivityTypeId", Texts["Choose the activity."]);
        if (Activity.ProviderId is { } p && Providers.All(x => x.Id != p)) ModelState.AddModelError("Activity.ProviderId", Texts["Choose a provider from the list."]);
        if (Activity.StartDate is null) ModelState.AddModelError("Activity.StartDate", Texts["Enter the start date."]);
        // An activity is planned: it may start in the past, and lies at most two years ahead.
        foreach (var (field, date) in new[] { ("Activity.StartDate", Activity.StartDate), ("Activity.EndDate", Activity.EndDate) })
            if (date is { } d && Dates.PlannedProblem(d, Today) is { } problem) ModelState.AddModelError(field, Texts.Format(problem.Template, problem.Args));
        if (Activity.HoursPerWeek is null) ModelState.AddModelError("Activity.HoursPerWeek", Texts["Enter hours a week."]);
        if (Activity.Note?.Length > 1000) ModelState.AddModelError("Activity.Note", Texts.Format("The note may be at most {0} characters.", 1000));
        if (ModelState.IsValid && Draft is { } draft && await TryChangeAsync(() => draft.AddActivity(new PlannedActivity
            {
                ActivityType = type!, ActivityTypeId = type!.Id, ProviderId = Activity.ProviderId, StartDate = Activity.StartDate!.Value,
                EndDate = Activity.EndDate, HoursPerWeek = Activity.HoursPerWeek!.Value, Note = Activity.Note,
            }), "Activity.StartDate"))
            return Saved(Texts["The activity was added."]);
        return Page();
    }

    public async Task<IActionResult> OnPostRemoveAsync(int id, int activityId)
    {
        if (await PrepareAsync(id) is { } refused) return refused;
        if (Draft is { } draft && await TryChangeAsync(() => draft.RemoveActivity(activityId)))
            return Saved(Texts["The activity was removed."]);
        return Page();
    }

    public async Task<IActionResult> OnPostAgreeAsync(int id)
    {
        if (await PrepareAsync(id) is { } refused) return refused;
        if (AgreedOn is null) ModelState.AddModelError(nameof(AgreedOn), Texts["Enter the date the participant agreed."]);
        if (!ParticipantAgrees) ModelState.AddModelError(nameof(ParticipantAgrees), Texts["Confirm that the participant has agreed to the plan."]);
        if (ModelState.IsValid && await TryUseCaseAsync(ct => agree.HandleAsync(Case.Id, AgreedOn!.Value, ct), nameof(AgreedOn)))
            return BackToCase(Texts.Format("The plan is agreed; review it by {0}.", Case.PlanReviewDue));
        return Page();
    }

    /// <summary>A new version starts from the assessment: the goal occupation and the suggested activities, each with why in
    /// its note. A review starts from it only when an assessment was signed after the plan it reviews was begun (the plan
    /// could not take it into account), and adds only activities of a kind the plan does not already have.</summary>
    private void StartFromAssessment(PlanVersion draft)
    {
        var start = FromAssessment;
        if (start.IsEmpty) return;
        var basis = Case.LatestAgreedPlan;
        if (basis is not null && !(start.SignedAt > basis.CreatedAt)) return;
        if (occupations.Find(start.GoalSsykCode) is { } goal) draft.SetGoal(goal, draft.Summary);
        var culture = System.Globalization.CultureInfo.CurrentUICulture;
        var present = draft.Activities.Select(a => a.ActivityTypeId).ToHashSet();
        foreach (var suggested in start.Activities)
            if (ActivityTypes.FirstOrDefault(t => t.Code == suggested.ActivityTypeCode) is { } type && present.Add(type.Id))
                draft.AddActivity(new PlannedActivity
                {
                    ActivityType = type, ActivityTypeId = type.Id, StartDate = Today, HoursPerWeek = suggested.HoursPerWeek,
                    Note = suggested.Reason.In(culture),
                });
    }

    private IActionResult Saved(string message)
    {
        TempData["Message"] = message;
        return RedirectToPage(new { id = Case.Id });
    }

    private void Fill()
    {
        Goal = Draft?.GoalSsykCode is { } code ? $"{code} {Draft.GoalTitle}" : null;
        Summary = Draft?.Summary;
        AgreedOn = Today;
        Activity = new ActivityInput { StartDate = Today, HoursPerWeek = 20 };
    }

    private async Task<IActionResult?> PrepareAsync(int id)
    {
        if (!await LoadAsync(id, withPlans: true)) return NotFound();
        if (!Access.CanWork(Case)) return Forbid();
        if (!Case.IsOpen) return BackToCase(Texts["The case is closed and can no longer be changed."]);
        ActivityTypes = await Db.ActivityTypes.OrderBy(a => Texts.IsSwedish ? a.NameSv : a.NameEn).ToListAsync();
        Providers = await Db.Providers.OrderBy(p => p.Name).ToListAsync();
        var signed = await Db.Assessments.AsNoTracking().Where(a => a.CaseId == id && a.Status == AssessmentStatus.Signed).ToListAsync();
        FromAssessment = PlanFromAssessment.From(signed);
        MeetingProposed = AssessmentFollowUp.Of(signed).MeetingProposed;
        return null;
    }
}
