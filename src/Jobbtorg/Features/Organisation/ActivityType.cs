namespace Jobbtorg.Features.Organisation;

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
