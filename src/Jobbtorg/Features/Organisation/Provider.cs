namespace Jobbtorg.Features.Organisation;

public class Provider
{
    public int Id { get; set; }
    public required string Name { get; set; }
    public required string OrganisationNumber { get; set; }
}
