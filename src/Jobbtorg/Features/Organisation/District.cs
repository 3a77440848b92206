namespace Jobbtorg.Features.Organisation;

/// <summary>A city district whose social services refer people. Retired, never deleted.</summary>
public class District
{
    public int Id { get; set; }
    public required string Code { get; set; }
    public required string Name { get; set; }
    public int AdultJobCentreId { get; set; }
    public JobCentre AdultJobCentre { get; set; } = null!;
    public int? YouthJobCentreId { get; set; }
    public JobCentre? YouthJobCentre { get; set; }
    public DateOnly? RetiredOn { get; set; }

    /// <summary>Youth (16–24) go to the youth branch where the district has one.</summary>
    public int ServingJobCentreId(bool isYouth) => isYouth && YouthJobCentreId is { } youth ? youth : AdultJobCentreId;
}
