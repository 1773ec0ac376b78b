export interface Config {
  lambdaPavedRoad?: {
    /** Settings of the Deployments tab and overview card. */
    frontend?: {
      /**
       * Seconds between automatic refreshes of the Deployments tab and card
       * while the browser tab is visible; 0 turns auto-refresh off.
       * Default 30. Every refresh is one request to the backend per open
       * tab or card.
       * @visibility frontend
       */
      refreshIntervalSeconds?: number;
    };
  };
}
