namespace Jobbtorg.Features.Organisation;

/// <summary>A job centre (jobbtorg); a branch such as the youth branch has a parent.</summary>
public class JobCentre
{
    public int Id { get; set; }
    public required string Code { get; set; }
    public required string Name { get; set; }
    public int? ParentId { get; set; }
    public string? Address { get; set; }
}

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

public enum MeetingKind { Adult, Youth }

/// <summary>Info-meeting places per ISO week a district has at its job centre.</summary>
public class DistrictQuota
{
    public int Id { get; set; }
    public int DistrictId { get; set; }
    public MeetingKind Kind { get; set; }
    public int PlacesPerWeek { get; set; }
}

public class ActivityType
{
    public int Id { get; set; }
    public required string Code { get; set; }
    public required string NameSv { get; set; }
    public required string NameEn { get; set; }
    public bool RequiresDailyAttendance { get; set; }
    public bool ExternalProvider { get; set; }

    public string Name(bool swedish) => swedish ? NameSv : NameEn;
}

public class Provider
{
    public int Id { get; set; }
    public required string Name { get; set; }
    public required string OrganisationNumber { get; set; }
}

/// <summary>A team or track a case can belong to, with its annual cost.</summary>
public class SpecialProgramme
{
    public int Id { get; set; }
    public required string Code { get; set; }
    public required string Name { get; set; }
    public decimal AnnualCost { get; set; }
}
