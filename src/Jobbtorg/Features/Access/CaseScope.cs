namespace Jobbtorg.Features.Access;

/// <summary>What the rules need to know about a case: where it belongs and whether the person consented.</summary>
public readonly record struct CaseScope(int JobCentreId, int DistrictId, bool ConsentGiven);
