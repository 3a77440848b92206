namespace Jobbtorg.Features.Access;

/// <summary>Which field of a staff user the identity provider's claim is compared with.</summary>
public enum UserMatchField { Email, EmployeeId }
