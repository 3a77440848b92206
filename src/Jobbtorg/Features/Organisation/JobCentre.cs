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
