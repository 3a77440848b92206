namespace Jobbtorg.Features.Staff;

public enum PasswordProblem { TooShort, TooLong, Common, ContainsEmail, ContainsName }
