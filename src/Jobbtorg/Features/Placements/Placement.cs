using Jobbtorg.Calendar;

namespace Jobbtorg.Features.Placements;

public enum PlacementKind { Internship, Employment, SubsidizedEmployment, MunicipalJob }

/// <summary>How the placement is paid. An internship is unpaid; a job is paid by a collective agreement or a wage agreed with the employer.</summary>
public enum WageForm { CollectiveAgreement, AgreedWage, Unpaid }

/// <summary>The public employment service's support for a subsidised employment (the Swedish forms).</summary>
public enum PlacementSubsidy
{
    /// <summary>Nystartsjobb.</summary>
    NewStartJob,
    /// <summary>Introduktionsjobb.</summary>
    IntroductionJob,
    /// <summary>Lönestöd (lönebidrag) for a person with a disability that reduces work capacity.</summary>
    WageSubsidy,
    /// <summary>Utvecklingsanställning.</summary>
    DevelopmentEmployment,
    /// <summary>Trygghetsanställning.</summary>
    SecurityEmployment,
    /// <summary>Offentligt skyddat arbete (OSA).</summary>
    Osa,
    /// <summary>Extratjänst.</summary>
    ExtraJob,
}

/// <summary>An internship or a job a participant holds while the case is worked, with the employer's
/// organisation number. Imported placements carry kind, dates, employer number and matched only.</summary>
public class Placement
{
    public const int MaxEmployerNameLength = 200, MaxNoteLength = 1000, MinHoursPerWeek = 1, MaxHoursPerWeek = 60;

    public int Id { get; set; }
    public int CaseId { get; set; }
    public PlacementKind Kind { get; set; }
    public DateOnly StartDate { get; set; }

    public DateOnly? EndDate
    {
        get => endDate;
        set
        {
            endDate = value;
            FollowUpOn = FollowUpDay(value);
        }
    }
    private DateOnly? endDate;

    /// <summary>The end + 3 months (clamped to the month's end): the day "working or studying three months after a
    /// municipal job" is judged on. Stored, so that the report selects a period's jobs through an index.</summary>
    public DateOnly? FollowUpOn { get; private set; }

    public string? EmployerOrganisationNumber { get; set; }

    /// <summary>Jobbtorg's own matching found the placement: what "jobs mediated" counts.</summary>
    public bool Matched { get; set; }

    public string? EmployerName { get; set; }
    /// <summary>The registered employer, when the organisation number is one (<see cref="Employers.Employer"/>).</summary>
    public int? EmployerId { get; set; }
    /// <summary>The vacancy the placement filled, when it came from a proposal.</summary>
    public int? VacancyId { get; set; }
    public int? HoursPerWeek { get; set; }
    public WageForm? WageForm { get; set; }
    /// <summary>Only for a subsidised employment.</summary>
    public PlacementSubsidy? Subsidy { get; set; }
    public string? Note { get; set; }
    public string? RecordedBy { get; set; }
    public DateTimeOffset? RecordedAt { get; set; }
    public string? EndedBy { get; set; }
    public DateTimeOffset? EndedAt { get; set; }

    /// <summary>The kinds that are jobs, counted by "jobs mediated" when matched (an internship is not a job).</summary>
    public static readonly PlacementKind[] Jobs = [PlacementKind.Employment, PlacementKind.SubsidizedEmployment, PlacementKind.MunicipalJob];

    public static DateOnly? FollowUpDay(DateOnly? end) => end is { } e ? Dates.PlusMonths(e, 3) : null;

    /// <summary>Whether the two placements share a day; one with no end goes on.</summary>
    public bool Overlaps(DateOnly start, DateOnly? end) =>
        StartDate <= (end ?? DateOnly.MaxValue) && start <= (EndDate ?? DateOnly.MaxValue);
}
