namespace Jobbtorg.Features.Organisation;

/// <summary>Info-meeting places per ISO week a district has at its job centre.</summary>
public class DistrictQuota
{
    public int Id { get; set; }
    public int DistrictId { get; set; }
    public MeetingKind Kind { get; set; }
    public int PlacesPerWeek { get; set; }
}
