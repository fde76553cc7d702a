// Base.User as returned by getOwner/getEditors.
import { SERVICE_NAME } from "../host";

export class UserEmu implements GoogleAppsScript.Base.User {
  readonly [SERVICE_NAME] = "User";

  constructor(private readonly email: string) {}

  getEmail(): string {
    return this.email;
  }
  getUserLoginId(): string {
    return this.email;
  }
}
