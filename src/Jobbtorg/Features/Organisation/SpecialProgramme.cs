namespace Jobbtorg.Features.Organisation;

/// <summary>A team or track a case can belong to, with its annual cost.</summary>
public class SpecialProgramme
{
    public int Id { get; set; }
    public required string Code { get; set; }
    public required string Name { get; set; }
    public decimal AnnualCost { get; set; }
}
