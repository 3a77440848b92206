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
    public DateOnly? EndDate { get; set; }
    public string? EmployerOrganisationNumber { get; set; }
}
