/** What the client needs from whoever holds the tokens (src-main/auth implements it). */
export interface AccessTokenProvider {
  /** An access token believed valid now (the provider may refresh first when it knows it expired). */
  current(): Promise<string>;
  /**
   * QuickBooks refused `rejected`: refresh once for everyone (single flight) and answer the new token.
   * A caller whose token was already replaced gets the newer one without another refresh.
   * Throws a QboError of kind 'auth' when the user must connect again.
   */
  refreshAfter(rejected: string): Promise<string>;
}
