using Jobbtorg.Calendar;

namespace Jobbtorg.Features.Placements;

public enum PlacementKind { Internship, Employment, SubsidizedEmployment, MunicipalJob }

/// <summary>An internship or a job a participant holds while the case is worked, with the employer's
/// organisation number.</summary>
public class Placement
{
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

    /// <summary>The kinds that are jobs, counted by "jobs mediated" when matched (an internship is not a job).</summary>
    public static readonly PlacementKind[] Jobs = [PlacementKind.Employment, PlacementKind.SubsidizedEmployment, PlacementKind.MunicipalJob];

    public static DateOnly? FollowUpDay(DateOnly? end) => end is { } e ? Dates.PlusMonths(e, 3) : null;
}
