using Jobbtorg.Features.Access;
using Jobbtorg.Features.Cases;
using Jobbtorg.Features.Organisation;
using Jobbtorg.Features.Plans;

namespace Jobbtorg.Tests.Builders;

/// <summary>
/// Builds a <see cref="Case"/> in memory, through the entity's own methods, so a test says only what matters to it:
/// <c>new CaseBuilder().ReferredOn(d).NewlyArrived().EnrolledOn(d, coach).Build()</c>.
/// Every step after the referral runs in the order it was asked for, each one "today" on its own date.
/// </summary>
public class CaseBuilder
{
    public const int FarstaJobCentreId = 2;
    public const int KistaJobCentreId = 5;
    public const int FarstaDistrictId = 11;

    /// <summary>An official test personal number from the Tax Agency (tests/data/personnummer).</summary>
    public const string TestPersonalNumber = "199001012385";

    public static readonly DateOnly DefaultReferralDate = new(2024, 4, 22);

    private int id = 1;
    private DateOnly referralDate = DefaultReferralDate;
    private TargetGroup targetGroup = TargetGroup.UnemployedOnBenefit;
    private bool newlyArrived;
    private bool receivesBenefit = true;
    private int? ageOnEnrolment = 35;
    private readonly List<Action<Case>> steps = [];
    private int nextActivityId = 100;

    public static JobCentre Farsta() => new() { Id = FarstaJobCentreId, Code = "farsta", Name = "Farsta" };

    public static District FarstaDistrict() => new()
    {
        Id = FarstaDistrictId, Code = "farsta", Name = "Farsta", AdultJobCentreId = FarstaJobCentreId, AdultJobCentre = Farsta(),
    };

    /// <summary>A coach at the centre the built cases belong to (Farsta), unless another centre is named.</summary>
    public static AppUser Coach(string id = "coach-17", string displayName = "Kim Coach", int jobCentreId = FarstaJobCentreId) => new()
    {
        Id = id, UserName = id, DisplayName = displayName, JobCentreId = jobCentreId,
    };

    public CaseBuilder WithId(int caseId)
    {
        id = caseId;
        return this;
    }

    public CaseBuilder ReferredOn(DateOnly date)
    {
        referralDate = date;
        return this;
    }

    public CaseBuilder WithTargetGroup(TargetGroup group)
    {
        targetGroup = group;
        return this;
    }

    public CaseBuilder NewlyArrived()
    {
        newlyArrived = true;
        return this;
    }

    public CaseBuilder NotReceivingBenefit()
    {
        receivesBenefit = false;
        return this;
    }

    /// <summary>The age the enrolling page works out from the personal number; null when the number carries no birth date.</summary>
    public CaseBuilder AgedOnEnrolment(int? years)
    {
        ageOnEnrolment = years;
        return this;
    }

    public CaseBuilder EnrolledOn(DateOnly date, AppUser? coach = null)
    {
        steps.Add(c => c.Enrol(date, coach ?? Coach(), ageOnEnrolment, today: date));
        return this;
    }

    public CaseBuilder PausedOn(DateOnly date, PauseReason reason = PauseReason.Sickness)
    {
        steps.Add(c => c.Pause(date, reason, note: null, today: date));
        return this;
    }

    /// <summary>An assessment signed on <paramref name="date"/> with its result only, as another system's stream gives it:
    /// the date rule checked as the entity checks it, and the case notes its first assessment.</summary>
    public CaseBuilder AssessedOn(DateOnly date, Features.Assessments.Instrument instrument = Features.Assessments.Instrument.Initial)
    {
        steps.Add(c =>
        {
            Features.Assessments.Assessment.CheckDay(c, date, today: date);
            c.Assessments.Add(Features.Assessments.Assessment.FromImport(c, instrument, date, Features.Assessments.Availability.Available,
                Features.Assessments.NeedCategory.Standard, "test", new DateTimeOffset(date, TimeOnly.MinValue, TimeSpan.Zero)));
        });
        return this;
    }

    public CaseBuilder ResumedOn(DateOnly date)
    {
        steps.Add(c => c.Resume(date, today: date));
        return this;
    }

    /// <summary>Writes a plan (a goal and one activity) and records the participant's agreement on <paramref name="date"/>.</summary>
    public CaseBuilder WithPlanAgreedOn(DateOnly date)
    {
        var activityId = nextActivityId++;
        steps.Add(c =>
        {
            var plan = c.StartPlanVersion("Kim Coach", At(date));
            plan.SetGoal(PlanData.Cook, "Kitchen work in the city's schools.");
            plan.AddActivity(PlanData.Activity(activityId, start: date));
            c.AgreePlan(date, "Kim Coach", today: date);
        });
        return this;
    }

    public CaseBuilder ClosedOn(DateOnly date, ClosureReason reason = ClosureReason.Unknown, ClosureSubReason? subReason = null)
    {
        steps.Add(c => c.Close(date, reason, subReason, note: null, closedBy: "Kim Coach", today: date));
        return this;
    }

    public Case Build()
    {
        var participant = new Participant
        {
            Id = 21, PersonalNumber = TestPersonalNumber, FirstName = "Test", LastName = "Testsson", Gender = Gender.F,
        };
        var c = Case.Refer(participant, participant.Gender, FarstaDistrict(), FarstaJobCentreId, referralDate, At(referralDate),
            referredBy: "Case Worker", ReferralChannel.Form);
        c.Id = id;
        c.JobCentre = Farsta();
        c.TargetGroup = targetGroup;
        c.NewlyArrived = newlyArrived;
        c.ReceivesBenefit = receivesBenefit;
        c.ConsentGiven = true;
        c.ConsentDate = referralDate;
        foreach (var step in steps) step(c);
        return c;
    }

    /// <summary>Nine in the morning, Stockholm summer time, on the given date.</summary>
    public static DateTimeOffset At(DateOnly date) => new(date.ToDateTime(new TimeOnly(9, 0)), TimeSpan.FromHours(2));
}

/// <summary>Goals and activities for plan versions.</summary>
public static class PlanData
{
    public static readonly Occupation Cook = new("5120", "Kockar och kallskänkor");
    public static readonly Occupation Cleaner = new("9111", "Städare");

    public const int ActiveJobSearchTypeId = 1;

    public static PlannedActivity Activity(int id, DateOnly start, DateOnly? end = null, decimal hoursPerWeek = 20, int activityTypeId = ActiveJobSearchTypeId) => new()
    {
        Id = id,
        ActivityTypeId = activityTypeId,
        StartDate = start,
        EndDate = end ?? start.AddMonths(3),
        HoursPerWeek = hoursPerWeek,
    };
}
